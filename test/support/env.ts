// Runs in each test worker; the global set-up already put the servers' URLs in the environment.
process.env.NODE_ENV = 'test';
