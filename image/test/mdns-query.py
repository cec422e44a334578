#!/usr/bin/env python3
"""Asks the local network for NAME's IPv4 address by multicast DNS (RFC 6762) and prints it.

    mdns-query.py NAME.local LOCAL_ADDRESS [SECONDS]

LOCAL_ADDRESS is this machine's address on the interface to ask on. The query is sent from port 5353 to
224.0.0.251:5353, as a full mDNS querier does (RFC 6762 §5.2), so the answer comes back by multicast; the first
A record for NAME in an answer is printed. Exit status 1 when nobody answers within SECONDS (default 10).
"""
import socket
import struct
import sys
import time

MDNS_GROUP = "224.0.0.251"
MDNS_PORT = 5353
TYPE_A = 1
CLASS_IN = 1


def encode_name(name):
    out = b""
    for label in name.rstrip(".").split("."):
        raw = label.encode("ascii")
        out += bytes([len(raw)]) + raw
    return out + b"\0"


def query(name, query_id):
    # Header: ID, flags 0 (standard query), one question (RFC 1035 §4.1.1).
    return struct.pack("!HHHHHH", query_id, 0, 1, 0, 0, 0) + encode_name(name) + struct.pack("!HH", TYPE_A, CLASS_IN)


def read_name(packet, offset):
    """The name at offset (following compression pointers) and the offset after it in the record."""
    labels, end, jumps = [], None, 0
    while True:
        length = packet[offset]
        if length & 0xC0 == 0xC0:
            if end is None:
                end = offset + 2
            offset = ((length & 0x3F) << 8) | packet[offset + 1]
            jumps += 1
            if jumps > 32:
                raise ValueError("compression loop")
            continue
        if length == 0:
            return ".".join(labels), (end if end is not None else offset + 1)
        labels.append(packet[offset + 1:offset + 1 + length].decode("ascii", "replace"))
        offset += 1 + length


def a_records(packet):
    """(name, address) of every A record in the answer, authority and additional sections."""
    _, flags, qd, an, ns, ar = struct.unpack_from("!HHHHHH", packet, 0)
    if not flags & 0x8000:
        return []
    offset = 12
    for _ in range(qd):
        _, offset = read_name(packet, offset)
        offset += 4
    found = []
    for _ in range(an + ns + ar):
        name, offset = read_name(packet, offset)
        rtype, _, _, rdlength = struct.unpack_from("!HHIH", packet, offset)
        offset += 10
        if rtype == TYPE_A and rdlength == 4:
            found.append((name, socket.inet_ntoa(packet[offset:offset + 4])))
        offset += rdlength
    return found


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    name, local = sys.argv[1].rstrip("."), sys.argv[2]
    limit = float(sys.argv[3]) if len(sys.argv) == 4 else 10.0

    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("", MDNS_PORT))
    sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, socket.inet_aton(MDNS_GROUP) + socket.inet_aton(local))
    sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(local))
    sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 255)

    deadline = time.monotonic() + limit
    next_query = 0.0
    while time.monotonic() < deadline:
        now = time.monotonic()
        if now >= next_query:
            sock.sendto(query(name, 0), (MDNS_GROUP, MDNS_PORT))
            next_query = now + 1.0
        sock.settimeout(max(0.05, min(next_query, deadline) - time.monotonic()))
        try:
            packet, sender = sock.recvfrom(9000)
        except socket.timeout:
            continue
        try:
            records = a_records(packet)
        except (ValueError, IndexError, struct.error):
            continue
        for record_name, address in records:
            if record_name.lower() == name.lower():
                print(f"{name} is {address} (answered by {sender[0]})")
                return 0
    print(f"no mDNS answer for {name} within {limit:g} s", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
