import { FlowProducer, Queue, type FlowJob } from 'bullmq';
import type Redis from 'ioredis';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jobRuns } from '../../db/schema';
import { JOB_CATALOG, QUEUES, type JobName, type JobPayload, type QueueName } from '../jobs/catalog';

export interface EnqueueOptions {
  /** Deterministic: the same logical job enqueued twice is one job. No ':' allowed. */
  jobId: string;
  entity?: { type: string; id: string };
  requestedBy?: string | null;
}

/** A job of a flow: it runs once all its children completed; a child's failure fails it. */
export type FlowNode = {
  [N in JobName]: { name: N; payload: JobPayload<N>; jobId: string; children?: FlowNode[] };
}[JobName];

/** Type-checked enqueueing against the catalog, mirrored in job_runs before the job exists. */
export class JobClient {
  readonly queues: Record<QueueName, Queue>;
  private flows: FlowProducer | null = null;

  constructor(private readonly db: Db, private readonly connection: Redis, readonly prefix: string) {
    this.queues = Object.fromEntries(QUEUES.map((q) => [q, new Queue(q, { connection, prefix })])) as Record<QueueName, Queue>;
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, opts: EnqueueOptions): Promise<string> {
    const def = JOB_CATALOG[name];
    const data = def.payload.parse(payload);
    const jobId = opts.jobId.replace(/:/g, '-');
    await this.db
      .insert(jobRuns)
      .values({
        jobId, queue: def.queue, name, maxAttempts: def.attempts, status: 'queued',
        entityType: opts.entity?.type ?? null, entityId: opts.entity?.id ?? null, requestedBy: opts.requestedBy ?? null,
      })
      .onConflictDoUpdate({ target: jobRuns.jobId, set: { updatedAt: sql`now()` } });
    await this.queues[def.queue].add(name, data, {
      jobId,
      attempts: def.attempts,
      backoff: def.backoffMs ? { type: 'exponential', delay: def.backoffMs } : undefined,
      removeOnComplete: { age: 7 * 24 * 3600, count: 5000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
    return jobId;
  }

  /**
   * Enqueues a BullMQ flow (a parent waiting on its children), every job mirrored in job_runs
   * first, like enqueue(). Returns the root's job id.
   */
  async enqueueFlow(root: FlowNode, opts: Omit<EnqueueOptions, 'jobId'> = {}): Promise<string> {
    const rows: (typeof jobRuns.$inferInsert)[] = [];
    const build = (node: FlowNode, isChild: boolean): FlowJob => {
      const def = JOB_CATALOG[node.name];
      const jobId = node.jobId.replace(/:/g, '-');
      rows.push({
        jobId, queue: def.queue, name: node.name, maxAttempts: def.attempts, status: 'queued',
        entityType: opts.entity?.type ?? null, entityId: opts.entity?.id ?? null, requestedBy: opts.requestedBy ?? null,
      });
      return {
        name: node.name,
        queueName: def.queue,
        data: def.payload.parse(node.payload),
        opts: {
          jobId,
          attempts: def.attempts,
          backoff: def.backoffMs ? { type: 'exponential', delay: def.backoffMs } : undefined,
          removeOnComplete: { age: 7 * 24 * 3600, count: 5000 },
          removeOnFail: { age: 30 * 24 * 3600 },
          ...(isChild ? { failParentOnFailure: true } : {}),
        },
        children: node.children?.map((c) => build(c, true)),
      };
    };
    const tree = build(root, false);
    await this.db.insert(jobRuns).values(rows).onConflictDoUpdate({ target: jobRuns.jobId, set: { updatedAt: sql`now()` } });
    this.flows ??= new FlowProducer({ connection: this.connection, prefix: this.prefix });
    await this.flows.add(tree);
    return tree.opts!.jobId!;
  }

  async close(): Promise<void> {
    await this.flows?.close();
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
  }
}
