import { buildContext } from './build-context';
import { config, ConfigError } from './config';
import { createApp } from './app';
import { logger } from './logger';

function main() {
  const cfg = config();
  const { ctx, close } = buildContext(cfg);
  const server = createApp(ctx).listen(cfg.PORT, () => {
    logger.info({ port: cfg.PORT }, `CTDC back office listening on http://localhost:${cfg.PORT}`);
  });
  const stop = () => {
    server.close(() => void close().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

try {
  main();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
