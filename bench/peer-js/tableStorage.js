'use strict';
// A botbuilder Storage on Azure Tables (@azure/data-tables), with the same contract as botbuilder's MemoryStorage:
// read returns only the keys that exist, each item carrying its eTag; write is unconditional when the item has no
// eTag (or "*") and conditional (If-Match) otherwise, failing on a mismatch; delete ignores missing keys.
// roundTrips counts every HTTP request its client pipeline sends (retries included), as BpomBot's Tables client does.
const { TableClient } = require('@azure/data-tables');

const ROW_KEY = 'state';

// Table keys may not contain / \ # ? or control characters; base64url is unique and uses none of them.
const partitionKeyOf = (key) => Buffer.from(key, 'utf8').toString('base64url');
const isNotFound = (err) => err && err.statusCode === 404;

class TableStorage {
    /** @param {string} connectionString @param {string} tableName */
    constructor(connectionString, tableName) {
        this.roundTrips = 0;
        const countRoundTrips = {
            name: 'countRoundTrips',
            sendRequest: (request, next) => {
                this.roundTrips++;
                return next(request);
            },
        };
        this.client = TableClient.fromConnectionString(connectionString, tableName, {
            allowInsecureConnection: true,
            additionalPolicies: [{ policy: countRoundTrips, position: 'perRetry' }],
        });
        this.ready = undefined;
    }

    ensureTable() {
        this.ready ??= this.client.createTable().catch((err) => {
            this.ready = undefined;
            throw err;
        });
        return this.ready;
    }

    async read(keys) {
        if (!keys || keys.length === 0) return {};
        await this.ensureTable();
        const items = {};
        await Promise.all(keys.map(async (key) => {
            try {
                const entity = await this.client.getEntity(partitionKeyOf(key), ROW_KEY);
                items[key] = { ...JSON.parse(entity.Data), eTag: entity.etag };
            } catch (err) {
                if (!isNotFound(err)) throw err;
            }
        }));
        return items;
    }

    async write(changes) {
        if (!changes) return;
        await this.ensureTable();
        await Promise.all(Object.entries(changes).map(async ([key, item]) => {
            const { eTag, ...data } = item;
            const entity = { partitionKey: partitionKeyOf(key), rowKey: ROW_KEY, Data: JSON.stringify(data) };
            if (!eTag || eTag === '*') {
                await this.client.upsertEntity(entity, 'Replace');
                return;
            }
            try {
                await this.client.updateEntity(entity, 'Replace', { etag: eTag });
            } catch (err) {
                if (err && (err.statusCode === 412 || err.statusCode === 404)) {
                    throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
                }
                throw err;
            }
        }));
    }

    async delete(keys) {
        if (!keys || keys.length === 0) return;
        await this.ensureTable();
        await Promise.all(keys.map(async (key) => {
            try {
                await this.client.deleteEntity(partitionKeyOf(key), ROW_KEY);
            } catch (err) {
                if (!isNotFound(err)) throw err;
            }
        }));
    }
}

module.exports = { TableStorage };
