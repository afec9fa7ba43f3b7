import { createSocket } from "node:dgram";
import type { AddressInfo } from "node:net";

/**
 * A tiny authoritative DNS server on 127.0.0.1 (UDP) that answers TXT questions from a map the
 * test changes, so domain verification is proven over real DNS packets (Node's resolver, pointed
 * at it by PORTICO_DNS_SERVER) without touching the internet. Other names get NXDOMAIN.
 * Written here because no DNS server package is installed; TXT over UDP is a few dozen lines
 * of RFC 1035.
 */
export type TestDnsServer = {
  /** `host:port`, for PORTICO_DNS_SERVER. */
  address: string;
  txt: Map<string, string[]>;
  close(): Promise<void>;
};

const TYPE_TXT = 16;
const CLASS_IN = 1;

function readName(packet: Buffer, offset: number): { name: string; end: number } {
  const labels: string[] = [];
  let at = offset;
  while (packet[at]! > 0) {
    const length = packet[at]!;
    labels.push(packet.subarray(at + 1, at + 1 + length).toString("ascii"));
    at += length + 1;
  }
  return { name: labels.join(".").toLowerCase(), end: at + 1 };
}

function answer(query: Buffer, txt: Map<string, string[]>): Buffer {
  const { name, end } = readName(query, 12);
  const type = query.readUInt16BE(end);
  const question = query.subarray(12, end + 4);
  const values = type === TYPE_TXT ? txt.get(name) : undefined;
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0); // the query's id
  // QR, AA, the query's RD; NXDOMAIN when the name has no TXT records.
  header.writeUInt16BE(0x8400 | (query.readUInt16BE(2) & 0x0100) | (values ? 0 : 3), 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(values?.length ?? 0, 6);
  const records = (values ?? []).map((value) => {
    const text = Buffer.from(value, "utf8");
    const record = Buffer.alloc(12);
    record.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
    record.writeUInt16BE(TYPE_TXT, 2);
    record.writeUInt16BE(CLASS_IN, 4);
    record.writeUInt32BE(0, 6); // TTL 0: never cached
    record.writeUInt16BE(text.length + 1, 10);
    return Buffer.concat([record, Buffer.from([text.length]), text]);
  });
  return Buffer.concat([header, question, ...records]);
}

export async function startDnsServer(): Promise<TestDnsServer> {
  const socket = createSocket("udp4");
  const txt = new Map<string, string[]>();
  socket.on("message", (query, remote) => {
    if (query.length < 17) return;
    socket.send(answer(query, txt), remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  const { port } = socket.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    txt,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
