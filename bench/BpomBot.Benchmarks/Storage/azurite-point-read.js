// Why Kegiatan rows are keyed PK = RK = id (they had RowKey "" before): Azurite keeps each table in a LokiJS collection
// indexed on RowKey and PartitionKey and answers a point read (and an insert's existence check) with
// findOne({ RowKey, PartitionKey }), which narrows by RowKey first. With every row at RowKey "" each point read walks the
// whole table; rows with distinct row keys are found at once. Azure Table Storage serves both layouts alike. Queries are
// a full scan on Azurite in every case (a filter function over all rows of the table, then a sort).
// Run from the repository root: node bench/BpomBot.Benchmarks/Storage/azurite-point-read.js
const loki = require('../../../node_modules/lokijs');

for (const n of [1000, 10000, 100000]) {
  const db = new loki('bench');
  const kegiatan = db.addCollection('kegiatan', { indices: ['PartitionKey', 'RowKey'] });
  const index = db.addCollection('index', { indices: ['PartitionKey', 'RowKey'] });
  for (let i = 0; i < n; i++) {
    kegiatan.insert({ PartitionKey: 'k-' + i, RowKey: '' });
    index.insert({ PartitionKey: 'o_officer-' + Math.floor(i / 10), RowKey: 'k-' + i });
  }

  const time = (read) => {
    const start = process.hrtime.bigint();
    for (let j = 0; j < 20; j++) read((j * 7919) % n);
    return (Number(process.hrtime.bigint() - start) / 20e6).toFixed(3);
  };
  const empty = time((i) => kegiatan.findOne({ RowKey: '', PartitionKey: 'k-' + i }));
  const distinct = time((i) => index.findOne({ RowKey: 'k-' + i, PartitionKey: 'o_officer-' + Math.floor(i / 10) }));
  console.log(`${n} rows: point read, RowKey "" ${empty} ms; distinct RowKey ${distinct} ms`);
}
