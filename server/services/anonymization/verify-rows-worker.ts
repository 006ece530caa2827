import { parentPort, workerData } from 'node:worker_threads';
import { ReleaseVerifier, type VerificationOptions } from '../../domain/verifier';
import type { VerifierMessage } from './verifier-thread';

/**
 * The independent verifier on a thread of its own: it receives each written class's QI cells once,
 * then for every written row the class it belongs to (and its sensitive value), and checks them.
 */
const options = workerData.options as VerificationOptions & { qis: string[] };
const sensitive = options.lDiversity?.variable;
const verifier = new ReleaseVerifier(options);
const classRows: Record<string, string>[] = [];
const sensitiveValues: string[] = [];

parentPort!.on('message', (message: VerifierMessage) => {
  switch (message.type) {
    case 'header':
      verifier.checkColumns(message.columns);
      break;
    case 'class': {
      const row: Record<string, string> = Object.fromEntries(options.qis.map((qi, q) => [qi, message.labels[q]]));
      if (sensitive) row[sensitive] = '';
      classRows[message.id] = row;
      break;
    }
    case 'value':
      sensitiveValues[message.id] = message.value;
      break;
    case 'rows':
      for (let i = 0; i < message.count; i++) {
        const row = classRows[message.classes[i]];
        if (sensitive) row[sensitive] = sensitiveValues[message.values![i]];
        verifier.addRow(row);
      }
      break;
    case 'finish':
      parentPort!.postMessage({ type: 'report', report: verifier.finish() });
      break;
  }
});
