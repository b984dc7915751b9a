/** `npm run bench`: per-phase timings and peak memory. Phases are added by each stage. */
console.log('no benchmark phases yet');
