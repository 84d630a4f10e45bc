// The physical floor: a bare node:http server answering every request with
// the article page's exact bytes held in memory. Run in its own process.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [file, port] = process.argv.slice(2);
// bench/sections/serving.ts always passes both; run by hand without them, say so
// rather than fail inside readFileSync or listen.
if (file === undefined || port === undefined) throw new Error('usage: node bench/floorServer.mjs file port');
const body = readFileSync(file);
createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  response.end(body);
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));
