// How Azurite's cost per point read grows with the rows in a table, by RowKey shape: every row "" (BpomBot's dialog
// state), every row "state" (the peer's), or unique (= PartitionKey). Fills three tables alike, then times reads,
// interleaved and in alternating order so drift hits all three. Needs an Azurite table endpoint on 127.0.0.1:10002:
//   node_modules/.bin/azurite-table --inMemoryPersistence --tableHost 127.0.0.1 --skipApiVersionCheck &
//   node bench/load/azurite-rowkey.mjs 6000
import { createRequire } from 'node:module';

const require = createRequire(new URL('../peer-js/package.json', import.meta.url));
const { TableClient } = require('@azure/data-tables');

const CONNECTION_STRING = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;'
    + 'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;'
    + 'TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;';
const rows = Number(process.argv[2] || 4000);
const rounds = 6;
const readsPerRound = 500;
const shapes = [['empty', () => ''], ['constant', () => 'state'], ['unique', (pk) => pk]];

const tables = new Map();
for (const [name, rowKey] of shapes) {
    const client = TableClient.fromConnectionString(CONNECTION_STRING, `rowkey${name}${rows}`, { allowInsecureConnection: true });
    await client.createTable();
    tables.set(name, { client, rowKey, nanos: 0n });
}

for (let i = 0; i < rows; i++) {
    for (const { client, rowKey } of tables.values()) {
        await client.createEntity({ partitionKey: `p${i}`, rowKey: rowKey(`p${i}`), Doc: 'x'.repeat(300) });
    }
}

for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...tables.values()].reverse() : [...tables.values()];
    for (const table of order) {
        const started = process.hrtime.bigint();
        for (let i = 0; i < readsPerRound; i++) {
            const pk = `p${(i * 7919 + round) % rows}`;
            await table.client.getEntity(pk, table.rowKey(pk));
        }
        table.nanos += process.hrtime.bigint() - started;
    }
}

console.log(`${rows} rows per table; ms per point read (client included), ${rounds * readsPerRound} reads each:`);
for (const [name, table] of tables) {
    console.log(`  RowKey ${name.padEnd(8)} ${(Number(table.nanos) / 1e6 / (rounds * readsPerRound)).toFixed(2)}`);
}
