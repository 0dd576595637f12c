// Preloaded by the benchmark into a node process (NODE_OPTIONS=--require) to record its peak
// resident set size at exit, in kilobytes, into the file named by BENCH_RSS_FILE.
'use strict';
const fs = require('node:fs');
process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) fs.appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
});
