#!/usr/bin/env node
// Talks RLPx with @ethereumjs/devp2p, an implementation written independently of ours, announcing
// only a custom istanbul/100 capability (the QBFT subprotocol Besu speaks): it either dials our
// listener or listens for our dial. With --eth it instead dials a node as an eth/68 peer that
// announces one transaction by hash only, as a Besu validator announces most, and serves it when
// asked. It reports each step as one JSON line on stdout, which the system test DevP2pInteropIT
// checks:
//   {"event":"hello", ...}    the listener's Hello as ethereumjs decoded it
//   {"event":"pong"}          our Ping was answered
//   {"event":"sent", ...}     the istanbul message we sent (code relative to istanbul)
//   {"event":"message", ...}  an istanbul message the listener sent us, as ethereumjs decoded it
//   {"event":"closed", ...}   the connection ended after our Disconnect
// and in --eth mode:
//   {"event":"status"}        the node's Status arrived; the script echoed it as its own
//   {"event":"announced"}     the script sent NewPooledTransactionHashes (--announce)
//   {"event":"request", ...}  the node's GetPooledTransactions: request id and hashes
//   {"event":"answered"}      the script sent PooledTransactions with the transaction (--tx)
//
// Usage:
//   node devp2p-interop.mjs --port PORT --node-id HEX128 --code N --payload HEX   (dial PORT)
//   node devp2p-interop.mjs --listen --port PORT --code N --payload HEX          (listen on PORT)
//   node devp2p-interop.mjs --eth --port PORT --node-id HEX128 --announce HEX --tx HEX
// The listening side's private key comes from the environment (never argv, which other users can
// read): DEVP2P_KEY=<64 hex digits>; a dialling script uses it too when set (a permissioned node
// admits only the node ids it knows), else makes up its own. Once connected the script pings,
// sends its istanbul message, waits for the other side's answer and disconnects. In --eth mode the
// payloads are the eth message bodies (announcement) and the transaction as a list item (tx).

import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { RLPx, DISCONNECT_REASON } from "@ethereumjs/devp2p";
// the package does not export its Protocol base class, so it is imported by path
import { Protocol } from "../node_modules/@ethereumjs/devp2p/dist/esm/protocol/protocol.js";
// devp2p's own snappy: a custom subprotocol must compress its outgoing payloads itself
import snappy from "snappyjs";
import { RLP } from "@ethereumjs/rlp";

const OVERALL_TIMEOUT_MS = 30_000;
const CLIENT_ID = "ethereumjs-interop";

function report(event) {
  console.log(JSON.stringify(event));
}

function fail(message) {
  console.error(`devp2p-interop: ${message}`);
  process.exit(1);
}

function toHex(bytes) {
  return Buffer.from(bytes).toString("hex");
}

function options() {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      "node-id": { type: "string" },
      listen: { type: "boolean", default: false },
      code: { type: "string" },
      payload: { type: "string" },
      eth: { type: "boolean", default: false },
      announce: { type: "string" },
      tx: { type: "string" },
    },
  });
  const required = values.eth
    ? ["port", "node-id", "announce", "tx"]
    : values.listen
      ? ["port", "code", "payload"]
      : ["port", "node-id", "code", "payload"];
  for (const name of required) {
    if (values[name] === undefined) {
      fail(`--${name} is required`);
    }
  }
  if (values.listen && !/^[0-9a-f]{64}$/i.test(process.env.DEVP2P_KEY ?? "")) {
    fail("a listening script needs DEVP2P_KEY, 64 hex digits");
  }
  const givenKey = /^[0-9a-f]{64}$/i.test(process.env.DEVP2P_KEY ?? "");
  return {
    listen: values.listen,
    eth: values.eth,
    port: Number(values.port),
    key: givenKey ? Buffer.from(process.env.DEVP2P_KEY, "hex") : randomBytes(32),
    nodeId: values.listen ? null : hex(values["node-id"]),
    code: Number(values.code ?? 0),
    payload: hex(values.payload ?? ""),
    announce: hex(values.announce ?? ""),
    tx: hex(values.tx ?? ""),
  };
}

function hex(text) {
  return Uint8Array.from(Buffer.from(text.replace(/^0x/, ""), "hex"));
}

/** istanbul/100 as ethereumjs sees a subprotocol: it hands us decompressed payloads. */
class Istanbul extends Protocol {
  constructor(version, peer, send) {
    super(peer, send, "istanbul", version, { PROPOSAL: 0x12, PREPARE: 0x13, COMMIT: 0x14 });
    // the base class disconnects after 5 s unless an eth-style STATUS arrives; istanbul has none
    clearTimeout(this._statusTimeoutId);
  }

  _handleMessage(code, data) {
    this.events.emit("message", code, data);
  }

  sendMessage(code, payload) {
    this._send(code, snappy.compress(payload));
  }
}

const ISTANBUL_100 = { name: "istanbul", version: 100, length: 22, constructor: Istanbul };

/** eth/68 as raw message bodies: enough to pass Status and exchange one pooled transaction. */
class Eth68 extends Protocol {
  constructor(version, peer, send) {
    super(peer, send, "eth", version, {
      STATUS: 0x00,
      NEW_POOLED_TRANSACTION_HASHES: 0x08,
      GET_POOLED_TRANSACTIONS: 0x09,
      POOLED_TRANSACTIONS: 0x0a,
    });
    // the script answers the node's Status itself, below
    clearTimeout(this._statusTimeoutId);
  }

  _handleMessage(code, data) {
    this.events.emit("message", code, data);
  }

  sendMessage(code, payload) {
    this._send(code, snappy.compress(payload));
  }
}

const ETH_68 = { name: "eth", version: 68, length: 17, constructor: Eth68 };
const STATUS = 0x00;
const NEW_POOLED_TRANSACTION_HASHES = 0x08;
const GET_POOLED_TRANSACTIONS = 0x09;
const POOLED_TRANSACTIONS = 0x0a;

/**
 * Echoes the node's Status (same chain, same head), announces the transaction by hash only, and
 * answers the node's request for it; then leaves.
 */
function exchangePooledTransaction(peer, eth) {
  eth.events.on("message", (code, data) => {
    if (code === STATUS) {
      report({ event: "status" });
      eth.sendMessage(STATUS, data);
      eth.sendMessage(NEW_POOLED_TRANSACTION_HASHES, args.announce);
      report({ event: "announced" });
    } else if (code === GET_POOLED_TRANSACTIONS) {
      const [requestId, hashes] = RLP.decode(data);
      report({ event: "request", requestId: toHex(requestId), hashes: hashes.map(toHex) });
      eth.sendMessage(POOLED_TRANSACTIONS, RLP.encode([requestId, [RLP.decode(args.tx)]]));
      report({ event: "answered" });
      // time for the answer to go out before the Disconnect
      setTimeout(() => peer.disconnect(DISCONNECT_REASON.CLIENT_QUITTING), 2_000);
    }
  });
}

const args = options();
setTimeout(() => fail(`no result within ${OVERALL_TIMEOUT_MS} ms`), OVERALL_TIMEOUT_MS).unref();

const rlpx = new RLPx(Uint8Array.from(args.key), {
  capabilities: [args.eth ? ETH_68 : ISTANBUL_100],
  clientId: new TextEncoder().encode(CLIENT_ID),
  maxPeers: 1,
});
rlpx.events.on("peer:error", (peer, err) => report({ event: "error", message: String(err) }));
rlpx.events.on("error", (err) => report({ event: "error", message: String(err) }));

rlpx.events.on("peer:added", (peer) => {
  const hello = peer.getHelloMessage();
  report({
    event: "hello",
    protocolVersion: hello.protocolVersion,
    clientId: hello.clientId,
    capabilities: hello.capabilities,
    nodeId: toHex(hello.id),
  });
  if (args.eth) {
    exchangePooledTransaction(peer, peer.getProtocols()[0]);
    return;
  }
  const istanbul = peer.getProtocols()[0];
  istanbul.events.on("message", (code, data) => {
    report({ event: "message", code, payload: toHex(data) });
    peer.disconnect(DISCONNECT_REASON.CLIENT_QUITTING);
  });

  // ethereumjs keeps Ping/Pong internal: watch the Pong handler to see the answer arrive
  const handlePong = peer._handlePong.bind(peer);
  peer._handlePong = () => {
    handlePong();
    report({ event: "pong" });
    istanbul.sendMessage(args.code, args.payload);
    report({ event: "sent", code: args.code, payload: toHex(args.payload) });
  };
  peer._sendPing();
});

rlpx.events.on("peer:removed", (peer, reason, disconnectWe) => {
  report({ event: "closed", reason, byUs: disconnectWe === true });
  process.exit(0);
});

if (args.listen) {
  rlpx.events.once("listening", () => report({ event: "listening", port: args.port }));
  rlpx.listen(args.port, "127.0.0.1");
} else {
  rlpx
    .connect({ id: args.nodeId, address: "127.0.0.1", tcpPort: args.port })
    .catch((err) => fail(`cannot connect: ${err}`));
}
