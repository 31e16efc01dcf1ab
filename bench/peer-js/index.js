'use strict';
// Benchmark peer: the first three turns of BpomBot's `mulai` flow on the official Bot Framework JavaScript SDK.
// Unauthenticated (no app id), conversation state in Azure Tables (Azurite), replies to the activity's serviceUrl.
// Usage: PORT=3979 STORAGE_CONNECTION_STRING="..." node index.js
const http = require('node:http');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState } = require('botbuilder');
const {
    ChoicePrompt, DialogSet, DialogTurnStatus, ListStyle, TextPrompt, WaterfallDialog,
} = require('botbuilder-dialogs');
const { TableStorage } = require('./tableStorage');

const port = Number(process.env.PORT || 3979);
const connectionString = process.env.STORAGE_CONNECTION_STRING;
if (!connectionString) {
    console.error('STORAGE_CONNECTION_STRING is required');
    process.exit(2);
}
const tableName = process.env.STORAGE_TABLE || 'peerstate';

const SUB_PROSES = [
    ['A', 'Advokasi'],
    ['B', 'Pembinaan dan Pendampingan'],
    ['C', 'Pemberdayaan Masyarakat'],
    ['D', 'Pembentukan Fasilitator Keamanan Pangan'],
].map(([value, name]) => ({ value, synonyms: [name], action: { type: 'imBack', title: `${value} ${name}`, value } }));

const PEMANGKU = [
    'Asosiasi Pelaku Usaha', 'Pelaku Usaha', 'K/L', 'Pemerintah Daerah', 'Organisasi Profesi',
    'Organisasi/Komunitas sosial', 'Komunitas pendidikan',
];

const storage = new TableStorage(connectionString, tableName);
const conversationState = new ConversationState(storage);
const dialogs = new DialogSet(conversationState.createProperty('DialogState'));
dialogs.add(new ChoicePrompt('subProses'));
dialogs.add(new TextPrompt('judul'));
dialogs.add(new ChoicePrompt('pemangku'));
dialogs.add(new WaterfallDialog('mulai', [
    (step) => step.prompt('subProses', {
        prompt: 'Kegiatan baru. Sub-proses mana yang akan dijalankan?',
        retryPrompt: 'Pilih A, B, C atau D.',
        choices: SUB_PROSES,
        style: ListStyle.list,
    }),
    (step) => {
        step.values.subProses = step.result.value;
        return step.prompt('judul', 'Apa judul kegiatan ini?');
    },
    (step) => {
        step.values.judul = step.result;
        return step.prompt('pemangku', {
            prompt: 'Apa kategori pemangku kepentingan kegiatan ini?',
            choices: PEMANGKU,
            style: ListStyle.list,
        });
    },
    (step) => step.endDialog({ ...step.values, pemangku: step.result.value }),
]));

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
    console.error(`turn error: ${error && error.stack ? error.stack : error}`);
    throw error; // surfaces as HTTP 500 to the caller, counted as an error by the load generator
};

async function onTurn(context) {
    if (context.activity.type === 'message') {
        const dc = await dialogs.createContext(context);
        if ((context.activity.text || '').trim().toLowerCase() === 'mulai') {
            // As in BpomBot, a bare `mulai` leaves whatever prompt is open and starts a new kegiatan.
            await dc.cancelAllDialogs();
            await dc.beginDialog('mulai');
        } else {
            const result = await dc.continueDialog();
            if (result.status === DialogTurnStatus.empty) {
                await context.sendActivity('Ketik "mulai" untuk mencatat kegiatan baru.');
            }
        }
    }
    await conversationState.saveChanges(context);
}

// Plain node:http with the small req/res surface CloudAdapter.process needs (no restify/express overhead).
const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
        res.writeHead(200).end('ok');
        return;
    }
    if (req.method !== 'POST' || req.url !== '/api/messages') {
        res.writeHead(404).end();
        return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
        try {
            req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
            res.writeHead(400).end('invalid JSON');
            return;
        }
        const shim = {
            socket: res.socket,
            status: (code) => { res.statusCode = code; },
            header: (name, value) => { res.setHeader(name, value); },
            send: (body) => {
                if (body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body)) {
                    res.setHeader('content-type', 'application/json');
                    body = JSON.stringify(body);
                }
                if (body !== undefined) res.write(body);
            },
            end: () => { res.end(); },
        };
        adapter.process(req, shim, onTurn).catch((err) => {
            console.error(`process error: ${err && err.stack ? err.stack : err}`);
            if (!res.headersSent) res.statusCode = 500;
            res.end();
        });
    });
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => console.log(`peer-js listening on http://127.0.0.1:${port}`));
process.on('SIGTERM', () => {
    // Same line as BpomBot's at shutdown; the load generator divides it by the turns answered.
    console.log(`Storage round trips since start: ${storage.roundTrips}`);
    process.exit(0);
});
