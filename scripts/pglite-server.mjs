// A PostgreSQL wire-protocol front for one PGlite instance, serving many client connections.
//
// Why not @electric-sql/pglite-socket's server: it queues every protocol message on its own, so the
// Parse of connection A and the Bind of connection B can meet in PGlite's single backend
// ("bind message supplies 10570 parameters, but prepared statement "" requires 149" during the demo
// seed). Here a connection holds the backend from its first message until the end of its message cycle
// (Sync or simple Query) and, while a transaction is open, until the transaction ends. Execution is
// serialized either way; this only makes it correct.
import net from 'node:net';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_V3 = 196608;
const CYCLE_END = new Set(['S', 'Q']);

/** A FIFO lock; `owner` is the connection currently holding the backend. */
function createBackendLock() {
  let owner = null;
  const waiting = [];
  return {
    get owner() {
      return owner;
    },
    async acquire(connection) {
      if (owner === connection) return;
      if (owner === null) {
        owner = connection;
        return;
      }
      await new Promise((resolve) => waiting.push({ connection, resolve }));
    },
    release(connection) {
      if (owner !== connection) return;
      const next = waiting.shift();
      owner = next ? next.connection : null;
      next?.resolve();
    },
    forget(connection) {
      for (let i = waiting.length - 1; i >= 0; i--) if (waiting[i].connection === connection) waiting.splice(i, 1);
    },
  };
}

/** Splits complete messages off the front of `buffer`; the first message of a connection has no type byte. */
function takeMessages(buffer, isStartup) {
  const messages = [];
  let offset = 0;
  let startup = isStartup;
  while (true) {
    if (startup) {
      if (buffer.length - offset < 8) break;
      const length = buffer.readInt32BE(offset);
      if (buffer.length - offset < length) break;
      const code = buffer.readInt32BE(offset + 4);
      messages.push({ type: code === PROTOCOL_V3 ? 'startup' : code, bytes: buffer.subarray(offset, offset + length) });
      offset += length;
      if (code === PROTOCOL_V3) startup = false;
      continue;
    }
    if (buffer.length - offset < 5) break;
    const length = 1 + buffer.readInt32BE(offset + 1);
    if (buffer.length - offset < length) break;
    messages.push({ type: String.fromCharCode(buffer[offset]), bytes: buffer.subarray(offset, offset + length) });
    offset += length;
  }
  return { messages, rest: buffer.subarray(offset), isStartup: startup };
}

export async function startPgliteServer({ db, host = '127.0.0.1', port }) {
  const lock = createBackendLock();
  const sockets = new Set();

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const connection = { socket };
    let buffer = Buffer.alloc(0);
    let isStartup = true;
    let chain = Promise.resolve();
    let isClosed = false;

    const write = (bytes) => {
      if (!isClosed && socket.writable) socket.write(Buffer.from(bytes));
    };

    const run = async (messages) => {
      for (const message of messages) {
        if (isClosed) return;
        if (message.type === SSL_REQUEST || message.type === GSSENC_REQUEST) {
          write(Buffer.from('N'));
          continue;
        }
        if (message.type === CANCEL_REQUEST) continue;
        if (message.type === 'X') {
          socket.end();
          return;
        }
        await lock.acquire(connection);
        if (isClosed) return lock.release(connection);
        await db.runExclusive(() => db.execProtocolRawStream(new Uint8Array(message.bytes), { onRawData: write }));
        const isCycleEnd = message.type === 'startup' || CYCLE_END.has(message.type);
        if (isCycleEnd && !db.isInTransaction()) lock.release(connection);
      }
    };

    socket.on('data', (data) => {
      buffer = buffer.length ? Buffer.concat([buffer, data]) : data;
      const taken = takeMessages(buffer, isStartup);
      buffer = Buffer.from(taken.rest);
      isStartup = taken.isStartup;
      if (taken.messages.length === 0) return;
      chain = chain.then(() => run(taken.messages)).catch(() => socket.destroy());
    });

    const close = () => {
      if (isClosed) return;
      isClosed = true;
      sockets.delete(socket);
      lock.forget(connection);
      void chain.finally(async () => {
        if (lock.owner !== connection) return;
        // A client that vanished inside a transaction must not leave the backend in it.
        if (db.isInTransaction()) await db.exec('ROLLBACK').catch(() => {});
        lock.release(connection);
      });
    };
    socket.on('close', close);
    socket.on('error', close);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });

  return {
    port: server.address().port,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
