// Counting HTTP reverse proxy in front of Azurite Tables. Both bots use it, so storage round trips are counted the
// same way for each. GET /__bench/stats returns the counts; POST /__bench/reset zeroes them.
// Usage: node proxy.mjs <listenPort> <targetPort>
import http from 'node:http';

const [listenPort, targetPort] = process.argv.slice(2).map(Number);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 1000 });
let stats = { requests: 0, byMethod: {}, errors: 0, connections: 0 };

const server = http.createServer((req, res) => {
    if (req.url.startsWith('/__bench/')) {
        if (req.url === '/__bench/reset' && req.method === 'POST') stats = { requests: 0, byMethod: {}, errors: 0, connections: 0 };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
        return;
    }
    stats.requests++;
    stats.byMethod[req.method] = (stats.byMethod[req.method] || 0) + 1;
    const upstream = http.request(
        { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers, agent },
        (up) => {
            res.writeHead(up.statusCode, up.statusMessage, up.rawHeaders);
            up.pipe(res);
        });
    upstream.on('error', (err) => {
        stats.errors++;
        if (!res.headersSent) res.writeHead(502);
        res.end(String(err));
    });
    req.pipe(upstream);
});
server.on('connection', () => { stats.connections++; });
server.keepAliveTimeout = 65_000;
server.listen(listenPort, '127.0.0.1', () => process.stdout.write(`proxy ${listenPort} -> ${targetPort}\n`));
