// Raw TCP for what fetch will not do: unnormalised paths, slow clients, lying Content-Lengths.
import net from 'node:net';

// Sends `request` (a string or Buffer) and collects everything until the server closes or
// `timeoutMs` passes. Resolves {data, closedByServer, elapsedMs}.
export function rawExchange(port, request, { timeoutMs = 5000, host = '127.0.0.1' } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, host);
    let data = '';
    let closedByServer = false;
    const timer = setTimeout(() => { socket.destroy(); resolve({ data, closedByServer, elapsedMs: Date.now() - started }); }, timeoutMs);
    socket.on('connect', () => { if (request) socket.write(request); });
    socket.on('data', (d) => { data += d; });
    socket.on('error', () => {});
    socket.on('close', () => { closedByServer = true; clearTimeout(timer); resolve({ data, closedByServer, elapsedMs: Date.now() - started }); });
  });
}

export function statusOf(rawResponse) {
  const m = rawResponse.match(/^HTTP\/1\.1 (\d{3})/);
  return m ? Number(m[1]) : 0;
}
