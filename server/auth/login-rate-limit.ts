import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors/app-error';

/**
 * Failed sign-ins are counted per account and per address. Counts live in Redis so every API
 * process shares them; an in-memory limiter stands in while Redis is unreachable.
 */
export function createLoginRateLimiter(redis: Redis, prefix: string) {
  const make = (keyPrefix: string, points: number) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:login:${keyPrefix}`,
      points,
      duration: 15 * 60,
      blockDuration: 15 * 60,
      insuranceLimiter: new RateLimiterMemory({ points, duration: 15 * 60 }),
    });
  const perAccount = make('account', 5);
  const perAddress = make('ip', 20);

  const minutes = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 60_000));

  return {
    async assertAllowed(email: string, ip: string): Promise<void> {
      const [account, address] = await Promise.all([perAccount.get(email.toLowerCase()), perAddress.get(ip)]);
      if (account && account.consumedPoints >= 5) {
        throw new AppError('rate_limited', `Too many failed sign-ins for this account. Try again in ${minutes(account)} minute(s).`);
      }
      if (address && address.consumedPoints >= 20) {
        throw new AppError('rate_limited', `Too many failed sign-ins from this address. Try again in ${minutes(address)} minute(s).`);
      }
    },
    async recordFailure(email: string, ip: string): Promise<void> {
      await Promise.all([
        perAccount.penalty(email.toLowerCase(), 1).catch(() => undefined),
        perAddress.penalty(ip, 1).catch(() => undefined),
      ]);
    },
    async recordSuccess(email: string): Promise<void> {
      await perAccount.delete(email.toLowerCase()).catch(() => undefined);
    },
  };
}
export type LoginRateLimiter = ReturnType<typeof createLoginRateLimiter>;
