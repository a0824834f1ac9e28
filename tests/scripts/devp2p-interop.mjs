#!/usr/bin/env node
// Talks RLPx with @ethereumjs/devp2p, an implementation written independently of ours, announcing
// only a custom istanbul/100 capability (the QBFT subprotocol Besu speaks): it either dials our
// listener or listens for our dial. It reports each step as one JSON line on stdout, which the
// system test DevP2pInteropIT checks:
//   {"event":"hello", ...}    the listener's Hello as ethereumjs decoded it
//   {"event":"pong"}          our Ping was answered
//   {"event":"sent", ...}     the istanbul message we sent (code relative to istanbul)
//   {"event":"message", ...}  an istanbul message the listener sent us, as ethereumjs decoded it
//   {"event":"closed", ...}   the connection ended after our Disconnect
//
// Usage:
//   node devp2p-interop.mjs --port PORT --node-id HEX128 --code N --payload HEX   (dial PORT)
//   node devp2p-interop.mjs --listen --port PORT --code N --payload HEX          (listen on PORT)
// The listening side's private key comes from the environment (never argv, which other users can
// read): DEVP2P_KEY=<64 hex digits>; a dialling script makes up its own. Once connected the script
// pings, sends its istanbul message, waits for the other side's answer and disconnects.

import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { RLPx, DISCONNECT_REASON } from "@ethereumjs/devp2p";
// the package does not export its Protocol base class, so it is imported by path
import { Protocol } from "../node_modules/@ethereumjs/devp2p/dist/esm/protocol/protocol.js";
// devp2p's own snappy: a custom subprotocol must compress its outgoing payloads itself
import snappy from "snappyjs";

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
    },
  });
  const required = values.listen ? ["port", "code", "payload"] : ["port", "node-id", "code", "payload"];
  for (const name of required) {
    if (values[name] === undefined) {
      fail(`--${name} is required`);
    }
  }
  if (values.listen && !/^[0-9a-f]{64}$/i.test(process.env.DEVP2P_KEY ?? "")) {
    fail("a listening script needs DEVP2P_KEY, 64 hex digits");
  }
  return {
    listen: values.listen,
    port: Number(values.port),
    key: values.listen ? Buffer.from(process.env.DEVP2P_KEY, "hex") : randomBytes(32),
    nodeId: values.listen ? null : hex(values["node-id"]),
    code: Number(values.code),
    payload: hex(values.payload),
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

const args = options();
setTimeout(() => fail(`no result within ${OVERALL_TIMEOUT_MS} ms`), OVERALL_TIMEOUT_MS).unref();

const rlpx = new RLPx(Uint8Array.from(args.key), {
  capabilities: [ISTANBUL_100],
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
