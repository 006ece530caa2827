// Real servers and workers: generous per-test time; speed is measured in bench/, never asserted here.
jest.setTimeout(120000);
