#!/usr/bin/env python3
"""Hostile clients against a running `ringside-engine serve` (docs/security.md).

Starts serve on a free port (or attacks --url), then throws at it, one wave after another and
partly at once: oversized bodies, headers and WebSocket frames; deeply nested JSON; slow
("slowloris") requests and upgrades; floods of connections, idle streams, bad frames, events
and console commands; forged, unsigned, replayed and expired stream signatures, forged
identifiers, a wrong Exotel credential, a foreign Origin and an operator who renames himself.

Throughout, /healthz is probed every 100 ms and serve's resident memory is sampled. At the end a
genuine signed call must still start and get an answer. Prints the figures; exits 1 when serve
died, stopped answering /healthz (no answer within 2 s), passed 300 MB or refused the genuine
call. Only the Python standard library is used.
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import random
import re
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

SECRET = b"hostile-test-stream-secret"
# Addresses: each wave of the attack comes from its own (127.0.0.2 …, as several hosts would), the
# operator's probe and the genuine call from 127.0.0.1.
ATTACKER = ("127.0.0.2", 0)
SLOW_ATTACKER = ("127.0.0.3", 0)
FLOOD_ATTACKER = ("127.0.0.4", 0)
OPERATOR = ("127.0.0.1", 0)
TOKEN = "hostile-test-operator-token"


# ---- the gateway's signature, as docs/security.md describes it -----------------------------------

def signing_key(secret):
    return hmac.new(secret, b"ringside stream parameters v1", hashlib.sha256).digest()


def sign(params, secret=SECRET, ttl=60, expiry=None):
    expiry = int(time.time()) + ttl if expiry is None else expiry
    nonce = os.urandom(12).hex()
    data = b"v1\n"

    def field(b):
        return str(len(b)).encode() + b":" + b + b"\n"

    data += field(str(expiry).encode()) + field(nonce.encode())
    for name in sorted(k for k in params if k != "ringside_auth"):
        data += field(name.encode()) + field(params[name].encode())
    mac = hmac.new(signing_key(secret), data, hashlib.sha256).hexdigest()
    out = dict(params)
    out["ringside_auth"] = "v1.%d.%s.%s" % (expiry, nonce, mac)
    return out


# ---- a minimal WebSocket client -----------------------------------------------------------------

def ws_connect(port, path, headers=None, timeout=5, source=ATTACKER):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=source)
    key = base64.b64encode(os.urandom(16)).decode()
    req = "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" \
          "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n" % (path, port, key)
    for k, v in (headers or {}).items():
        req += "%s: %s\r\n" % (k, v)
    s.sendall((req + "\r\n").encode())
    answer = b""
    while b"\r\n\r\n" not in answer:
        chunk = s.recv(4096)
        if not chunk:
            break
        answer += chunk
    status = int(answer[9:12]) if answer.startswith(b"HTTP/1.1 ") else 0
    return s, status


def ws_frame(payload, opcode=1, declared=None):
    if isinstance(payload, str):
        payload = payload.encode()
    n = len(payload) if declared is None else declared
    head = bytes([0x80 | opcode])
    if n < 126:
        head += bytes([0x80 | n])
    elif n < 65536:
        head += bytes([0x80 | 126]) + struct.pack(">H", n)
    else:
        head += bytes([0x80 | 127]) + struct.pack(">Q", n)
    mask = os.urandom(4)
    return head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def ws_send(s, payload, opcode=1):
    s.sendall(ws_frame(payload, opcode))


def ws_read_text(s, timeout=5):
    """The next text frame (server frames are unmasked), or None on close/timeout."""
    s.settimeout(timeout)
    buf = b""
    try:
        while True:
            while len(buf) < 2:
                c = s.recv(65536)
                if not c:
                    return None
                buf += c
            op, n = buf[0] & 0x0F, buf[1] & 0x7F
            off = 2
            if n == 126:
                while len(buf) < 4:
                    buf += s.recv(65536)
                n = struct.unpack(">H", buf[2:4])[0]
                off = 4
            elif n == 127:
                while len(buf) < 10:
                    buf += s.recv(65536)
                n = struct.unpack(">Q", buf[2:10])[0]
                off = 10
            while len(buf) < off + n:
                c = s.recv(65536)
                if not c:
                    return None
                buf += c
            payload, buf = buf[off:off + n], buf[off + n:]
            if op == 8:
                return None
            if op == 1:
                return payload.decode("utf-8", "replace")
    except (socket.timeout, OSError):
        return None


def twilio_start(sid, params, call_sid=None):
    return json.dumps({"event": "start", "sequenceNumber": "1", "streamSid": sid,
                       "start": {"streamSid": sid, "accountSid": "AChostile", "callSid": call_sid or ("CA" + sid),
                                 "tracks": ["inbound"], "customParameters": params,
                                 "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1}}})


def http(port, raw, timeout=5, source=ATTACKER):
    """The status the server answered (0: none), sending as much of `raw` as it takes."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=source)
    try:
        for i in range(0, len(raw), 65536):
            s.sendall(raw[i:i + 65536])
    except OSError:
        pass  # the server refused the rest: read what it said
    out = b""
    try:
        while b"\r\n\r\n" not in out:
            c = s.recv(65536)
            if not c:
                break
            out += c
    except OSError:
        pass
    s.close()
    return int(out[9:12]) if out.startswith(b"HTTP/1.1 ") else 0


def quietly(fn, *args):
    try:
        return fn(*args)
    except OSError:
        return None


# ---- the watch: /healthz latency and resident memory ----------------------------------------------

class Watch(threading.Thread):
    def __init__(self, port, pid):
        super().__init__(daemon=True)
        self.port, self.pid = port, pid
        self.latencies, self.failures, self.rss = [], 0, []
        self.slowest = []  # (ms, seconds since the start)
        self.t0 = time.monotonic()
        self.stop = False

    def rss_mb(self):
        try:
            with open("/proc/%d/status" % self.pid) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024.0
        except OSError:
            pass
        return 0.0

    def run(self):
        while not self.stop:
            t0 = time.monotonic()
            status = quietly(http, self.port, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 2, OPERATOR)
            dt = (time.monotonic() - t0) * 1000
            if status == 200:
                self.latencies.append(dt)
                self.slowest.append((round(dt, 1), round(t0 - self.t0, 1)))
            else:
                self.failures += 1
            if self.pid:
                self.rss.append(self.rss_mb())
            time.sleep(max(0.0, 0.1 - dt / 1000))


# ---- the attacks ---------------------------------------------------------------------------------

def oversized(port, log):
    codes = []
    s = socket.create_connection(("127.0.0.1", port), source_address=ATTACKER)
    s.sendall(b"POST /twilio/voice HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              b"Content-Length: 209715200\r\n\r\n")
    try:
        for _ in range(800):           # up to 50 MB, until the server closes
            s.sendall(b"a" * 65536)
    except OSError:
        pass
    s.close()
    codes.append(quietly(http, port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"p" * (4 << 20) + b"\r\n\r\n"))
    codes.append(quietly(http, port, b"POST /metrics HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                         + (b"10000\r\n" + b"b" * 65536 + b"\r\n") * 40))
    for path in ("/twilio/media", "/monitor"):
        ws = quietly(ws_connect, port, path, {"Authorization": "Bearer " + TOKEN})
        if ws and ws[1] == 101:
            try:  # declares 200 MB, sends 8 MB of it
                ws[0].sendall(ws_frame(b"x" * 65536, declared=200 << 20)[:65550])
                for _ in range(128):
                    ws[0].sendall(b"x" * 65536)
            except OSError:
                pass
            ws[0].close()
    log("oversized: body, 4 MB headers, chunked body, 200 MB frames on media and monitor (%s)" % codes)


def nested(port, log):
    deep = "[" * 100000 + "]" * 100000
    answers = []
    ws = quietly(ws_connect, port, "/monitor", {"Authorization": "Bearer " + TOKEN})
    if ws and ws[1] == 101:
        quietly(ws_send, ws[0], '{"id":%s,"command":"ping"}' % deep)
        answers.append(ws_read_text(ws[0]))
        quietly(ws_send, ws[0], '{"command":"ping","x":' + '{"a":' * 20000 + "1" + "}" * 20000 + "}")
        answers.append(ws_read_text(ws[0]))
        quietly(ws_send, ws[0], '{"id":"after","command":"ping"}')
        answers.append(ws_read_text(ws[0]))
        ws[0].close()
    m = quietly(ws_connect, port, "/twilio/media")
    if m and m[1] == 101:
        quietly(ws_send, m[0], '{"event":"connected","x":%s}' % deep)
        m[0].close()
    log("nested: 100,000-deep id and body on /monitor, a 100,000-deep media frame; monitor answered %s"
        % [a[:70] if a else None for a in answers])


def cut_off(s, wait=0.2):
    """True when the server answered or closed this connection."""
    s.settimeout(wait)
    try:
        s.recv(1024)
        return True  # an answer (408, 503) or the close itself
    except socket.timeout:
        return False
    except OSError:
        return True


def slow(port, log, count=200, seconds=15):
    socks = []
    for _ in range(count):
        s = quietly(socket.create_connection, ("127.0.0.1", port), 5, SLOW_ATTACKER)
        if s:
            quietly(s.sendall, b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            socks.append(s)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for s in socks:
            quietly(s.sendall, b"X-A: b\r\n")  # a header a second, never the blank line
        time.sleep(1)
    closed = sum(1 for s in socks if cut_off(s))
    for s in socks:
        s.close()
    log("slow: %d requests trickling headers for %d s; %d cut off by the server" % (len(socks), seconds, closed))


def flood(port, log):
    conns = []
    for _ in range(2000):
        s = quietly(socket.create_connection, ("127.0.0.1", port), 1, FLOOD_ATTACKER)
        if s:
            conns.append(s)
    time.sleep(1)
    refused = sum(1 for s in conns if cut_off(s, 0.02))
    for s in conns:
        s.close()
    idle = [quietly(ws_connect, port, "/twilio/media") for _ in range(60)]
    time.sleep(7)  # longer than the start timeout
    still = sum(1 for w in idle if w and w[1] == 101 and ws_read_text(w[0], 0.1) is not None)
    for w in idle:
        if w:
            w[0].close()
    # one stream, tens of thousands of bad frames and events as fast as the socket takes them
    bad = quietly(ws_connect, port, "/twilio/media")
    sent = 0
    if bad:
        try:
            for i in range(20000):
                ws_send(bad[0], '{"event":"mark","streamSid":"MZx","mark":{"name":"rs-%d"}}' % i if i % 2 else "{ not json")
                sent += 1
        except OSError:
            pass
        bad[0].close()
    con = quietly(ws_connect, port, "/monitor", {"Authorization": "Bearer " + TOKEN})
    if con and con[1] == 101:
        try:
            for i in range(20000):
                ws_send(con[0], '{"id":%d,"command":"snapshot"}' % i)
        except OSError:
            pass
        con[0].close()
    log("flood: 2000 connections (%d answered or closed at once), 60 streams that never start (%d still open "
        "after 7 s), %d bad frames/events on one stream, 20000 console commands" % (refused, still, sent))


def forged(port, log, exotel_ok=True):
    results = {}

    def start(name, params, call_sid=None, path="/twilio/media", headers=None):
        ws = quietly(ws_connect, port, path, headers)
        if not ws or ws[1] != 101:
            results[name] = "refused at the handshake (%s)" % (ws[1] if ws else "no answer")
            return
        ws_send(ws[0], twilio_start("MZ" + name, params, call_sid))
        answer = ws_read_text(ws[0], 3)
        results[name] = "taken" if answer else "refused"
        ws[0].close()

    start("unsigned", {"customer": "C-0001", "order": "ORD-482913"})
    start("garbage", {"customer": "C-0001", "ringside_auth": "v1.9999999999.%s.%s" % ("0" * 24, "0" * 64)})
    start("wrongkey", sign({"customer": "C-0001"}, secret=b"guessed"))
    start("expired", sign({"customer": "C-0001"}, expiry=int(time.time()) - 10))
    good = sign({"customer": "C-0001", "call_sid": "CAonce"})
    start("added", dict(good, order="ORD-482913"), "CAonce")
    start("othercall", good, "CAother")
    start("newline", {}, "CA1\ncall CA2 ended: resolved")
    start("exotel", {}, path="/exotel/media?agent=order-tracker&order=ORD-1",
          headers={"Authorization": "Basic " + base64.b64encode(b"exotel-key:guess").decode()})
    evil = quietly(ws_connect, port, "/monitor", {"Origin": "https://evil.example", "Authorization": "Bearer " + TOKEN})
    results["origin"] = "status %s" % (evil[1] if evil else None)
    anon = quietly(ws_connect, port, "/monitor")
    results["no token"] = "status %s" % (anon[1] if anon else None)
    taken = [k for k, v in results.items() if v == "taken" or v == "status 101"]
    log("forged: %s" % ", ".join("%s %s" % kv for kv in results.items()))
    return taken


def genuine_call(port):
    """A signed call as the gateway's TwiML would start it: it is taken and the agent speaks."""
    ws, status = ws_connect(port, "/twilio/media", source=OPERATOR)
    if status != 101:
        return False
    params = sign({"agent": "order-tracker", "from": "+919812345678", "to": "+918000000000",
                   "direction": "inbound", "call_sid": "CAgenuine"})
    ws_send(ws, twilio_start("MZgenuine", params, "CAgenuine"))
    ws_send(ws, json.dumps({"event": "ringside.text", "streamSid": "MZgenuine", "text": "where is my order"}))
    deadline = time.monotonic() + 10
    heard = False
    while time.monotonic() < deadline and not heard:
        msg = ws_read_text(ws, 2)
        if msg is None:
            break
        heard = '"media"' in msg
    ws.close()
    return heard


# ---- main ------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--engine", help="path to ringside-engine (starts serve on a free port)")
    ap.add_argument("--db", help="the store serve uses (default: a fresh demo store)")
    ap.add_argument("--rss-limit-mb", type=float, default=300)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="ringside-hostile-")
    db = args.db or os.path.join(tmp, "shop.db")
    env = dict(os.environ, RINGSIDE_STREAM_SECRET=SECRET.decode(), EXOTEL_STREAM_CREDENTIALS="exotel-key:exotel-token")
    if not args.db:
        subprocess.run([args.engine, "store", "init", "--demo", "--db", db], check=True, capture_output=True, env=env)
    serve = subprocess.Popen([args.engine, "serve", "--db", db, "--port", "0", "--no-stt", "--allow-text", "--token", TOKEN,
                              "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    line = serve.stdout.readline()
    m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
    if not m:
        print("serve did not start: %s" % line, file=sys.stderr)
        return 1
    port = int(m.group(1))
    lines = []

    def log(text):
        lines.append(text)
        print("%5.1f s  %s" % (time.monotonic() - t0, text), flush=True)

    quietly(http, port, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 5, OPERATOR)  # warm-up, not measured
    t0 = time.monotonic()
    watch = Watch(port, serve.pid)
    watch.t0 = t0
    watch.start()
    waves = [threading.Thread(target=slow, args=(port, log))]  # slow requests run beside the rest
    waves[0].start()
    oversized(port, log)
    nested(port, log)
    taken = forged(port, log)
    flood(port, log)
    for w in waves:
        w.join()
    genuine = genuine_call(port)
    time.sleep(1)
    watch.stop = True
    watch.join()
    alive = serve.poll() is None
    serve.terminate()
    try:
        serve.wait(15)
    except subprocess.TimeoutExpired:
        serve.kill()
    lat = sorted(watch.latencies) or [float("inf")]
    report = {
        "seconds": round(time.monotonic() - t0, 1),
        "healthz_answered": len(watch.latencies),
        "healthz_unanswered": watch.failures,
        "healthz_ms": {"p50": round(lat[len(lat) // 2], 1), "p99": round(lat[int(len(lat) * 0.99) - 1 if len(lat) > 1 else 0], 1),
                       "max": round(lat[-1], 1)},
        "rss_mb": {"start": round(watch.rss[0], 1) if watch.rss else None, "max": round(max(watch.rss), 1) if watch.rss else None},
        "healthz_slowest_ms_at_s": sorted(watch.slowest, reverse=True)[:5],
        "forged_taken": taken,
        "genuine_call_answered": genuine,
        "serve_alive": alive,
    }
    print(json.dumps(report, indent=None if not args.json else 2))
    ok = alive and genuine and not taken and watch.failures == 0 and (report["rss_mb"]["max"] or 0) < args.rss_limit_mb
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
