// Side-by-side benchmark driver: Azurite (in memory; with --proxy behind a counting proxy), a fake Bot Connector, each
// bot under test in turn, and a closed-loop load generator. Prints one markdown table. Loopback only; run it through
// bench/run-side-by-side.sh, which builds everything and puts it in a private network namespace.
//
// Storage round trips are counted inside each bot's own storage client pipeline (BpomBot's Tables client, the peer's
// @azure/data-tables client); each bot prints "Storage round trips since start: N" when stopped. --proxy also counts
// them at a proxy in front of Azurite, as an outside check (it costs CPU on the shared machine, so it is off by default).
//
// A turn = POST /api/messages with a user message, timed from sending until BOTH the bot's HTTP response and the bot's
// reply at the fake connector have arrived (a bot that answers 200 first and replies later is timed to its reply).
//
// Bots: peer, bpombot (Ingress:Mode=Direct, acknowledges after the commit) and bpombot-queue (Ingress:Mode=Queue: 202
// once the activity is in an Azurite queue, a worker runs the turn and replies; docs/ingress.md). --ingress queue runs
// bpombot in queue mode, --ingress both runs both modes side by side (A/B in the same run).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: opt } = parseArgs({
    options: {
        bots: { type: 'string', default: 'peer,bpombot' },
        levels: { type: 'string', default: '1,16,64' },
        duration: { type: 'string', default: '10' },
        // The .NET JIT is still re-compiling hot methods (tiered compilation) 10 s into the load on a 2-core machine.
        warmup: { type: 'string', default: '20' },
        rounds: { type: 'string', default: '2' },
        // mulai: each reply must match the prompt of its step; any: any reply counts (e.g. a help card).
        flow: { type: 'string', default: 'mulai' },
        // per-user: each virtual user keeps one personal conversation, as in Teams, and runs the flow in it again and
        // again; per-flow: every flow in a new conversation (first contact each time).
        conversations: { type: 'string', default: 'per-user' },
        proxy: { type: 'boolean', default: false },
        'bpombot-env': { type: 'string', multiple: true, default: [] },
        'bpombot-dll': { type: 'string', default: 'bot/BpomBot.Host/bin/Release/net10.0/bpombot.dll' },
        // direct: bpombot acknowledges after the commit; queue: bpombot runs queue first; both: bpombot and bpombot-queue.
        ingress: { type: 'string', default: 'direct' },
        // A/B of two BpomBot builds in one run: --bpombot-b-dll <path> --bots peer,bpombot,bpombot-b
        'bpombot-b-dll': { type: 'string' },
        json: { type: 'string' },
        verbose: { type: 'boolean', default: false },
    },
});
const levels = opt.levels.split(',').map(Number);
const durationMs = Number(opt.duration) * 1000;
const warmupMs = Number(opt.warmup) * 1000;
if (!['direct', 'queue', 'both'].includes(opt.ingress)) throw new Error('--ingress is direct, queue or both');
const botNames = opt.bots.split(',').flatMap((b) => (b !== 'bpombot' ? [b]
    : opt.ingress === 'queue' ? ['bpombot-queue'] : opt.ingress === 'both' ? ['bpombot', 'bpombot-queue'] : [b]));
const rounds = Number(opt.rounds);

const PORTS = { azuriteBlob: 10000, azuriteQueue: 10001, azurite: 10002, proxyBlob: 10010, proxy: 10012, connector: 3990, bot: 3978 };
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const tablePort = opt.proxy ? PORTS.proxy : PORTS.azurite;
const blobPort = opt.proxy ? PORTS.proxyBlob : PORTS.azuriteBlob;
const CONNECTION_STRING = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;'
    + `AccountKey=${ACCOUNT_KEY};TableEndpoint=http://127.0.0.1:${tablePort}/devstoreaccount1;`
    + `BlobEndpoint=http://127.0.0.1:${blobPort}/devstoreaccount1;`
    // The queue (bpombot-queue only) is not behind --proxy: its round trips are counted by the bot's queue client alone.
    + `QueueEndpoint=http://127.0.0.1:${PORTS.azuriteQueue}/devstoreaccount1;`;
if (!['per-user', 'per-flow'].includes(opt.conversations)) throw new Error('--conversations is per-user or per-flow');
const TENANT = '72f988bf-0000-4000-8000-00000000bbbb';
const REPLY_TIMEOUT_MS = 10_000;
const HTTP_TIMEOUT_MS = 30_000;

const BOTS = {
    peer: {
        label: 'peer: botbuilder-js 4.23.3',
        command: process.execPath,
        // BENCH_PEER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", for profiling the peer.
        args: [...(process.env.BENCH_PEER_NODE_ARGS || '').split(' ').filter(Boolean), path.join(root, 'bench/peer-js/index.js')],
        env: { PORT: String(PORTS.bot), STORAGE_CONNECTION_STRING: CONNECTION_STRING, NODE_ENV: 'production' },
    },
    bpombot: {
        label: 'BpomBot (direct)',
        command: 'dotnet',
        args: [path.resolve(root, opt['bpombot-dll']), '--urls', `http://127.0.0.1:${PORTS.bot}`],
        env: {
            Storage__ConnectionString: CONNECTION_STRING,
            ASPNETCORE_ENVIRONMENT: 'Production',
            Logging__LogLevel__Default: 'Warning',
            // Only for the "Storage round trips since start" line at shutdown.
            'Logging__LogLevel__BpomBot.Storage.Tables.StorageTableInitializer': 'Information',
            DOTNET_CLI_TELEMETRY_OPTOUT: '1',
            DOTNET_NOLOGO: '1',
            ...Object.fromEntries(opt['bpombot-env'].map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])),
        },
    },
};
BOTS['bpombot-queue'] = {
    ...BOTS.bpombot,
    label: 'BpomBot (queue)',
    env: {
        ...BOTS.bpombot.env,
        Ingress__Mode: 'Queue',
        // Only for the "Queue round trips since start" line at shutdown.
        'Logging__LogLevel__BpomBot.Host.Ingress.QueueIngressWorker': 'Information',
        ...Object.fromEntries(opt['bpombot-env'].map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])),
    },
};

if (opt['bpombot-b-dll']) {
    BOTS['bpombot-b'] = { ...BOTS.bpombot, label: 'BpomBot B', args: [path.resolve(root, opt['bpombot-b-dll']), ...BOTS.bpombot.args.slice(1)] };
}

// The mulai flow's first three turns and what each reply must mention (flow=mulai).
const FLOW = [
    { text: () => 'mulai', expect: /advokasi/i },
    { text: () => 'A', expect: /judul|title|nama kegiatan/i },
    { text: (n) => `FGD keamanan pangan pangan olahan ${n}`, expect: /pemangku|stakeholder/i },
];

const log = (...a) => process.stderr.write(`[bench] ${a.join(' ')}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- processes
const children = new Set();
function start(name, command, args, env = {}, cwd = root) {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail = [];
    let roundTripsLine = '';
    const keep = (d) => {
        tail.push(d.toString());
        if (tail.length > 40) tail.shift();
        roundTripsLine = (roundTripsLine + d.toString()).slice(-512);
        const m = /Storage round trips since start: (\d+)/.exec(roundTripsLine);
        if (m) child.storageRoundTrips = Number(m[1]);
        const q = /Queue round trips since start: (\d+) \(send (\d+), receive (\d+), delete (\d+), other (\d+)\)/.exec(roundTripsLine);
        if (q) child.queueRoundTrips = { total: Number(q[1]), send: Number(q[2]), receive: Number(q[3]), delete: Number(q[4]), other: Number(q[5]) };
        if (opt.verbose) process.stderr.write(`[${name}] ${d}`);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.tail = tail;
    // 'close', not 'exit': the child's last output (its storage count) has been read by then.
    child.exited = new Promise((r) => child.on('close', (code, sig) => { children.delete(child); r({ code, sig }); }));
    children.add(child);
    return child;
}
async function stop(child) {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await child.exited;
    clearTimeout(t);
}
process.on('exit', () => { for (const c of children) c.kill('SIGKILL'); });
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => process.exit(130));

function request(port, method, urlPath, body, agent, timeoutMs = HTTP_TIMEOUT_MS) {
    return new Promise((resolve, reject) => {
        const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
        const req = http.request({
            host: '127.0.0.1', port, method, path: urlPath, agent,
            headers: data ? { 'content-type': 'application/json; charset=utf-8', 'content-length': data.length } : {},
        }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
        });
        req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
        req.on('error', reject);
        req.end(data);
    });
}
async function waitForPort(port, child, what, timeoutMs = 30_000) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
        if (child.exitCode !== null) throw new Error(`${what} exited early:\n${child.tail.join('')}`);
        try {
            await request(port, 'GET', '/__bench/stats', undefined, false, 1000);
            return;
        } catch {
            await sleep(20);
        }
    }
    throw new Error(`${what} did not listen on ${port}`);
}
function procStat(pid) {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = (k) => Number((status.match(new RegExp(`^${k}:\\s+(\\d+)`, 'm')) || [])[1] || 0);
        return { cpuMs: (Number(f[11]) + Number(f[12])) * 10, hwmKb: kb('VmHWM'), rssKb: kb('VmRSS') };
    } catch {
        return { cpuMs: NaN, hwmKb: NaN, rssKb: NaN };
    }
}

// ---------------------------------------------------------------- fake Bot Connector
const connector = { waiters: new Map(), posts: 0, typing: 0, stray: 0, other: 0, connections: 0 };
const connectorServer = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
        const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?\/?(?:\?.*)?$/.exec(req.url);
        if (!m || (req.method !== 'POST' && req.method !== 'PUT')) {
            connector.other++;
            res.writeHead(404, { 'content-type': 'application/json' })
                .end('{"error":{"code":"NotFound","message":"not implemented by the bench connector"}}');
            return;
        }
        connector.posts++;
        const id = `r${connector.posts}`;
        res.writeHead(req.method === 'PUT' ? 200 : 201, { 'content-type': 'application/json' }).end(`{"id":"${id}"}`);
        let activity;
        try {
            activity = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
            connector.stray++;
            return;
        }
        if (activity.type !== 'message') {
            connector.typing++;
            return;
        }
        const conversationId = decodeURIComponent(m[1]);
        const waiter = connector.waiters.get(conversationId);
        const repliesTo = activity.replyToId || (m[2] && decodeURIComponent(m[2]));
        if (!waiter || (repliesTo && repliesTo !== waiter.activityId)) {
            connector.stray++;
            return;
        }
        connector.waiters.delete(conversationId);
        waiter.resolve(activity);
    });
});
function expectReply(conversationId, activityId) {
    let resolve;
    const promise = new Promise((r) => { resolve = r; });
    connector.waiters.set(conversationId, { activityId, resolve });
    return promise;
}

// ---------------------------------------------------------------- one turn
let activitySeq = 0;
let answeredTurns = 0; // turns the bot answered over HTTP (any status), warm-up and cold start included
const runId = Date.now().toString(36);
function userActivity(conversationId, vu, text) {
    const id = `${runId}-${++activitySeq}`;
    return {
        type: 'message', id, text, textFormat: 'plain', locale: 'id-ID', channelId: 'msteams',
        timestamp: new Date().toISOString(),
        serviceUrl: `http://127.0.0.1:${PORTS.connector}/`,
        from: { id: `29:bench-user-${vu}`, name: `Petugas ${vu}`, aadObjectId: `00000000-0000-4000-8000-${String(vu).padStart(12, '0')}` },
        recipient: { id: '28:bench-bot', name: 'BpomBot' },
        conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
        entities: [{ type: 'clientInfo', locale: 'id-ID', country: 'ID', platform: 'Web', timezone: 'Asia/Jakarta' }],
    };
}
/** Returns { ok, ms, error }. */
async function turn(agent, conversationId, vu, step, flowNo) {
    const activity = userActivity(conversationId, vu, FLOW[step].text(flowNo));
    const reply = expectReply(conversationId, activity.id);
    const t0 = performance.now();
    let timer;
    try {
        const res = await request(PORTS.bot, 'POST', '/api/messages', activity, agent);
        answeredTurns++;
        const ackMs = performance.now() - t0;
        if (res.status < 200 || res.status > 299) return { ok: false, error: `http ${res.status}` };
        const got = await Promise.race([reply, new Promise((r) => { timer = setTimeout(r, REPLY_TIMEOUT_MS, null); })]);
        if (!got) return { ok: false, error: 'no reply' };
        const ms = performance.now() - t0;
        if (opt.flow === 'mulai' && !FLOW[step].expect.test(JSON.stringify([got.text, got.attachments]))) {
            return { ok: false, error: `unexpected reply at turn ${step + 1}`, sample: (got.text || JSON.stringify(got.attachments)).slice(0, 160) };
        }
        return { ok: true, ms, ackMs };
    } catch (err) {
        return { ok: false, error: err.code || err.message };
    } finally {
        clearTimeout(timer);
        if (connector.waiters.get(conversationId)?.activityId === activity.id) connector.waiters.delete(conversationId);
    }
}

// ---------------------------------------------------------------- one segment: one bot at one concurrency level
async function runSegment(botName, concurrency) {
    const bot = BOTS[botName];
    // BENCH_AZURITE_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", for profiling Azurite.
    const azurite = start('azurite', process.execPath, [
        ...(process.env.BENCH_AZURITE_NODE_ARGS || '').split(' ').filter(Boolean),
        path.join(root, 'node_modules/azurite/dist/src/azurite.js'),
        '--inMemoryPersistence', '--silent', '--disableTelemetry', '--skipApiVersionCheck', '--loose',
        '--tableHost', '127.0.0.1', '--tablePort', String(PORTS.azurite), '--tableKeepAliveTimeout', '60',
        '--blobHost', '127.0.0.1', '--blobPort', String(PORTS.azuriteBlob), '--blobKeepAliveTimeout', '60',
        '--queueHost', '127.0.0.1', '--queuePort', String(PORTS.azuriteQueue), '--queueKeepAliveTimeout', '60',
    ], {}, fs.mkdtempSync('/tmp/bench-azurite-'));
    const proxy = opt.proxy ? start('proxy', process.execPath, [path.join(root, 'bench/load/proxy.mjs'),
        `${PORTS.proxy}:${PORTS.azurite}:table`, `${PORTS.proxyBlob}:${PORTS.azuriteBlob}:blob`]) : undefined;
    let botProc;
    try {
        if (proxy) await waitForPort(PORTS.proxy, proxy, 'proxy');
        await waitForPort(PORTS.azurite, azurite, 'azurite');
        await waitForPort(PORTS.azuriteBlob, azurite, 'azurite');
        await waitForPort(PORTS.azuriteQueue, azurite, 'azurite');

        const answeredBefore = answeredTurns;
        // Cold start: process start -> first turn answered 2xx with its reply at the connector.
        const coldAgent = new http.Agent({ keepAlive: false });
        const t0 = performance.now();
        botProc = start(botName, bot.command, bot.args, bot.env);
        let coldMs;
        let lastError = '';
        for (let i = 0; coldMs === undefined; i++) {
            if (botProc.exitCode !== null) throw new Error(`${botName} exited: ${botProc.tail.join('')}`);
            if (performance.now() - t0 > 60_000) throw new Error(`${botName}: no answered turn within 60 s (${lastError})`);
            const r = await turn(coldAgent, `a:${runId}-cold-${botName}-${concurrency}-${i}`, 0, 0, 0);
            if (r.ok) coldMs = performance.now() - t0;
            else {
                lastError = r.error + (r.sample ? `: ${r.sample}` : '');
                await sleep(r.error === 'ECONNREFUSED' ? 10 : 200);
            }
        }

        // Closed loop: each virtual user runs mulai -> A -> title again and again, in its own conversation (per-user) or
        // in a new one each time (per-flow).
        const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
        const samples = [];
        const acks = []; // HTTP response times alone (a bot that queues the turn answers before it replies)
        const errors = {};
        const errorSamples = [];
        let measuring = false;
        let stopping = false;
        let flowSeq = 0;
        const vu = async (n) => {
            while (!stopping) {
                const flowNo = ++flowSeq;
                const conversationId = `a:${runId}-${botName}-${concurrency}-`
                    + (opt.conversations === 'per-user' ? `vu${n}` : `${flowNo}`);
                for (let step = 0; step < FLOW.length && !stopping; step++) {
                    const wasMeasuring = measuring;
                    const r = await turn(agent, conversationId, n, step, flowNo);
                    if (!(wasMeasuring && measuring)) continue;
                    if (r.ok) {
                        samples.push(r.ms);
                        acks.push(r.ackMs);
                    }
                    else {
                        errors[r.error] = (errors[r.error] || 0) + 1;
                        if (r.sample && errorSamples.length < 3) errorSamples.push(r.sample);
                    }
                    if (!r.ok) break; // the conversation's state is unknown now; start a fresh flow
                }
            }
        };
        const users = Array.from({ length: concurrency }, (_, i) => vu(i + 1));
        await sleep(warmupMs);
        const before = procStat(botProc.pid);
        const connectorBefore = { posts: connector.posts, connections: connector.connections };
        const harnessBefore = { azurite: procStat(azurite.pid).cpuMs, proxy: proxy ? procStat(proxy.pid).cpuMs : 0, loadgen: process.cpuUsage() };
        const tStart = performance.now();
        measuring = true;
        await sleep(durationMs);
        measuring = false;
        const seconds = (performance.now() - tStart) / 1000;
        const connectorAfter = { posts: connector.posts, connections: connector.connections };
        const after = procStat(botProc.pid);
        const lg = process.cpuUsage(harnessBefore.loadgen);
        const harnessCpuMs = {
            azurite: procStat(azurite.pid).cpuMs - harnessBefore.azurite,
            proxy: proxy ? procStat(proxy.pid).cpuMs - harnessBefore.proxy : 0,
            loadgen: (lg.user + lg.system) / 1000,
        };
        stopping = true;
        await Promise.all(users);
        agent.destroy();
        // Storage round trips over the bot's whole life (cold start and warm-up included, all turns drained) divided by
        // every turn it answered: exact, with no window-edge effects. The bot says its count when stopped.
        const storage = proxy ? JSON.parse((await request(PORTS.proxy, 'GET', '/__bench/stats', undefined, false)).body) : undefined;
        const segmentAnswered = answeredTurns - answeredBefore;
        await stop(botProc);
        if (botProc.storageRoundTrips === undefined) throw new Error(`${botName} did not report its storage round trips:\n${botProc.tail.join('')}`);
        if (botName === 'bpombot-queue' && botProc.queueRoundTrips === undefined) throw new Error(`${botName} did not report its queue round trips:\n${botProc.tail.join('')}`);

        return {
            bot: botName, concurrency, seconds, samples, acks, errorKinds: errors, errorSamples,
            storageRequests: botProc.storageRoundTrips, queueRequests: botProc.queueRoundTrips, proxiedRequests: storage?.requests, storageConnections: storage?.connections,
            answeredTurns: segmentAnswered,
            connectorPosts: connectorAfter.posts - connectorBefore.posts,
            connectorConnections: connectorAfter.connections - connectorBefore.connections, botCpuMs: after.cpuMs - before.cpuMs, harnessCpuMs,
            coldStartMs: coldMs, peakRssKb: after.hwmKb,
        };
    } finally {
        await stop(botProc);
        await stop(proxy);
        await stop(azurite);
    }
}

// ---------------------------------------------------------------- summaries
/** Summarises one or more segments of the same bot and level (the ABBA rounds). */
function summarize(segments) {
    const samples = segments.flatMap((g) => g.samples).sort((a, b) => a - b);
    const acks = segments.flatMap((g) => g.acks).sort((a, b) => a - b);
    const pct = (p) => (samples.length ? samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] : NaN);
    const sum = (f) => segments.reduce((a, g) => a + f(g), 0);
    const seconds = sum((g) => g.seconds);
    const turns = samples.length;
    const errorKinds = {};
    for (const g of segments) for (const [k, v] of Object.entries(g.errorKinds)) errorKinds[k] = (errorKinds[k] || 0) + v;
    const errors = Object.values(errorKinds).reduce((a, b) => a + b, 0);
    const colds = segments.map((g) => g.coldStartMs).sort((a, b) => a - b);
    const share = (k) => sum((g) => g.harnessCpuMs[k]) / 1000 / seconds;
    return {
        bot: segments[0].bot, concurrency: segments[0].concurrency, segments: segments.length, seconds, turns,
        turnsPerSec: turns / seconds, p50: pct(0.5), p99: pct(0.99), errors, errorKinds,
        httpAckP50: acks.length ? acks[Math.floor(0.5 * acks.length)] : NaN,
        errorSamples: segments.flatMap((g) => g.errorSamples).slice(0, 3),
        storageRequestsPerTurn: sum((g) => g.storageRequests) / Math.max(1, sum((g) => g.answeredTurns)),
        // Queue round trips (bpombot-queue): send = the endpoint's enqueue, receive = the worker's polls (empty ones
        // included), delete = after each turn; per answered turn, like the table figure.
        queuePerTurn: Object.fromEntries(['total', 'send', 'receive', 'delete'].map((k) => [k,
            segments.every((g) => g.queueRequests) ? sum((g) => g.queueRequests[k]) / Math.max(1, sum((g) => g.answeredTurns)) : NaN])),
        proxiedRequestsPerTurn: opt.proxy ? sum((g) => g.proxiedRequests) / Math.max(1, sum((g) => g.answeredTurns)) : NaN,
        newTcpPerTurn: {
            storage: opt.proxy ? sum((g) => g.storageConnections) / Math.max(1, sum((g) => g.answeredTurns)) : NaN,
            connector: sum((g) => g.connectorConnections) / Math.max(1, turns + errors),
        },
        cpuMsPerTurn: sum((g) => g.botCpuMs) / Math.max(1, turns),
        coldStartMs: colds[Math.floor((colds.length - 1) / 2)], coldStartsMs: colds,
        peakRssMb: Math.max(...segments.map((g) => g.peakRssKb)) / 1024,
        // CPU seconds per measured second: shows whether the harness itself (not the bot) was the bottleneck.
        cpuShare: { bot: sum((g) => g.botCpuMs) / 1000 / seconds, azurite: share('azurite'), proxy: share('proxy'), loadgen: share('loadgen') },
    };
}

// ---------------------------------------------------------------- main
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');

async function main() {
    for (const b of botNames) if (!BOTS[b]) throw new Error(`unknown bot ${b} (known: ${Object.keys(BOTS).join(', ')})`);
    await new Promise((r) => connectorServer.listen(PORTS.connector, '127.0.0.1', r));
    connectorServer.keepAliveTimeout = 65_000;
    connectorServer.on('connection', () => { connector.connections++; });
    const segments = [];
    const results = [];
    // ABBA per level (peer, bpombot, bpombot, peer with --rounds 2), the first order alternating between levels,
    // so that neither bot systematically runs first, or while the shared machine is busier.
    for (const [i, level] of levels.entries()) {
        const first = i % 2 === 0 ? botNames : [...botNames].reverse();
        const order = Array.from({ length: rounds }, (_, r) => (r % 2 === 0 ? first : [...first].reverse())).flat();
        for (const b of order) {
            log(`${b} @ ${level} concurrent conversations: warm-up ${opt.warmup}s, measure ${opt.duration}s`);
            const g = await runSegment(b, level);
            segments.push(g);
            const r = summarize([g]);
            log(`  ${f0(r.turnsPerSec)} turns/s, p50 ${f1(r.p50)} ms (HTTP answer alone ${f1(r.httpAckP50)} ms),`
                + ` p99 ${f1(r.p99)} ms, errors ${r.errors}`
                + `${r.errors ? ` ${JSON.stringify(r.errorKinds)} ${r.errorSamples.join(' | ')}` : ''}, cold ${f0(r.coldStartMs)} ms;`
                + ` CPU share bot ${f2(r.cpuShare.bot)} azurite ${f2(r.cpuShare.azurite)} proxy ${f2(r.cpuShare.proxy)}`
                + ` loadgen ${f2(r.cpuShare.loadgen)}; storage req/turn ${f2(r.storageRequestsPerTurn)} (client pipeline)`
                + `${Number.isFinite(r.queuePerTurn.total) ? ` + queue ${f2(r.queuePerTurn.total)} (send ${f2(r.queuePerTurn.send)}, receive ${f2(r.queuePerTurn.receive)}, delete ${f2(r.queuePerTurn.delete)})` : ''}`
                + `${opt.proxy ? `, ${f2(r.proxiedRequestsPerTurn)} (proxy)` : ''}; new TCP/turn`
                + `${opt.proxy ? ` storage ${f2(r.newTcpPerTurn.storage)}` : ''} connector ${f2(r.newTcpPerTurn.connector)}`);
        }
        for (const b of botNames) results.push(summarize(segments.filter((g) => g.bot === b && g.concurrency === level)));
    }
    printTable(results);
    if (opt.json) {
        const raw = segments.map(({ samples, acks, ...g }) => ({ ...g, turns: samples.length }));
        fs.writeFileSync(opt.json, JSON.stringify({ at: new Date().toISOString(), options: opt, connector, results, segments: raw }, null, 2));
    }
}

function printTable(results) {
    const cpuInfo = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [])[1] || 'unknown CPU';
    const out = [];
    out.push(`Side by side, same machine, same run (${cpuInfo}, ${(cpuCount())} cores, Node ${process.version}); `
        + `closed loop, warm-up ${opt.warmup} s excluded, ${rounds} × ${opt.duration} s measured per row (ABBA order); flow check: ${opt.flow}; `
        + `conversations: ${opt.conversations}; storage ${opt.proxy ? 'behind the counting proxy' : 'direct'}.`);
    out.push('');
    out.push('| conc. | bot | turns/s | p50 ms | p99 ms | errors | storage req/turn | of which queue | bot CPU ms/turn | cold start ms | peak RSS MB |');
    out.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const level of levels) {
        const total = (r) => r.storageRequestsPerTurn + (Number.isFinite(r.queuePerTurn.total) ? r.queuePerTurn.total : 0);
        const row = (r) => out.push(`| ${level} | ${BOTS[r.bot].label} | ${f0(r.turnsPerSec)} | ${f1(r.p50)} | ${f1(r.p99)} | ${r.errors} | `
            + `${f2(total(r))} | ${Number.isFinite(r.queuePerTurn.total) ? `${f2(r.queuePerTurn.total)} (${f2(r.queuePerTurn.send)} + ${f2(r.queuePerTurn.receive)} + ${f2(r.queuePerTurn.delete)})` : '–'} | `
            + `${f2(r.cpuMsPerTurn)} | ${f0(r.coldStartMs)} | ${f0(r.peakRssMb)} |`);
        const ratio = (label, b, p) => out.push(`| ${level} | **${label}** | **${f2(b.turnsPerSec / p.turnsPerSec)}** | **${f2(b.p50 / p.p50)}** | `
            + `**${f2(b.p99 / p.p99)}** | | ${f2(total(b) / total(p))} | | `
            + `${f2(b.cpuMsPerTurn / p.cpuMsPerTurn)} | ${f2(b.coldStartMs / p.coldStartMs)} | ${f2(b.peakRssMb / p.peakRssMb)} |`);
        const mine = results.filter((r) => r.concurrency === level);
        mine.forEach(row);
        const p = mine.find((r) => r.bot === 'peer');
        const d = mine.find((r) => r.bot === 'bpombot');
        const q = mine.find((r) => r.bot === 'bpombot-queue');
        if (p && d) ratio('ratio BpomBot direct/peer', d, p);
        if (p && q) ratio('ratio BpomBot queue/peer', q, p);
        if (d && q) ratio('ratio queue/direct', q, d);
        const b2 = mine.find((r) => r.bot === 'bpombot-b');
        if (p && b2) ratio('ratio BpomBot B/peer', b2, p);
        if (d && b2) ratio('ratio B/A', b2, d);
    }
    out.push('');
    out.push('turns/s ratio > 1 = BpomBot faster; latency, CPU, cold-start and RSS ratios < 1 = BpomBot better. '
        + 'Storage req/turn: round trips counted in each bot\'s own storage client pipeline, over every turn it answered; '
        + 'of which queue: send + receive (polls, empty ones included) + delete. Turn time: send until the reply reaches the connector.');
    process.stdout.write(`${out.join('\n')}\n`);
}
function cpuCount() {
    return (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^processor\s*:/gm) || []).length;
}

main().then(() => process.exit(0), (err) => {
    log(`failed: ${err.stack || err}`);
    process.exit(1);
});
