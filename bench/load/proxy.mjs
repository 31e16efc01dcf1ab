// Counting HTTP reverse proxy in front of Azurite (tables, and blobs for bots that keep files). Both bots use it,
// so storage round trips are counted the same way for each. GET /__bench/stats on any listener returns the counts.
// Usage: node proxy.mjs <listenPort>:<targetPort>:<name> [...]
import http from 'node:http';

const routes = process.argv.slice(2).map((arg) => {
    const [listen, target, name] = arg.split(':');
    return { listen: Number(listen), target: Number(target), name };
});
const agent = new http.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 1000 });
const stats = { requests: 0, byService: {}, byMethod: {}, errors: 0, connections: 0 };

for (const { listen, target, name } of routes) {
    stats.byService[name] = 0;
    const server = http.createServer((req, res) => {
        if (req.url.startsWith('/__bench/')) {
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
            return;
        }
        stats.requests++;
        stats.byService[name]++;
        const key = `${name} ${req.method}`;
        stats.byMethod[key] = (stats.byMethod[key] || 0) + 1;
        const upstream = http.request(
            { host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers, agent },
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
    server.listen(listen, '127.0.0.1', () => process.stdout.write(`proxy ${name} ${listen} -> ${target}\n`));
}
