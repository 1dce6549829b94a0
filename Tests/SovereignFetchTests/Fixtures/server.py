#!/usr/bin/env python3
"""Loopback HTTP server for SovereignFetch tests: well-behaved and hostile routes.

Usage: python3 -u server.py DIR   (serves DIR's files at /file/NAME; prints its port; exits on stdin EOF)
"""
import hashlib, os, signal, socket, struct, sys, threading, time, zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
ROOT = sys.argv[1]
COUNTERS = {}
LOCK = threading.Lock()

def count(name):
    with LOCK:
        COUNTERS[name] = COUNTERS.get(name, 0) + 1
        return COUNTERS[name]

def content_type(name):
    if name.endswith(".pdf"): return "application/pdf"
    if name.endswith(".txt"): return "text/plain; charset=utf-8"
    if name.endswith(".csv"): return "text/csv; charset=utf-8"
    if name.endswith(".json"): return "application/json"
    return "text/html; charset=utf-8"

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass

    def send_body(self, body, ctype="text/html; charset=utf-8", status=200, extra=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra: self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def serve_file(self, name):
        path = os.path.join(ROOT, name)
        if not os.path.isfile(path):
            return self.send_body(b"not found", "text/plain", 404)
        body = open(path, "rb").read()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304); self.send_header("ETag", etag); self.send_header("Content-Length", "0"); self.end_headers(); return
        self.send_body(body, content_type(name), 200, [("ETag", etag), ("Last-Modified", "Mon, 04 May 2026 10:00:00 GMT")])

    def redirect(self, target, status=302):
        self.send_response(status); self.send_header("Location", target); self.send_header("Content-Length", "0"); self.end_headers()

    def do_GET(self):
        p = self.path
        ua = self.headers.get("User-Agent", "")
        if p.startswith("/file/"): return self.serve_file(p[len("/file/"):])
        if p.startswith("/alternate/"):
            a, b = p[len("/alternate/"):].split(",")
            return self.serve_file(a if count(p) % 2 == 1 else b)
        if p == "/user-agent": return self.send_body(ua.encode(), "text/plain")
        if p.startswith("/redirect/"): return self.redirect("/file/" + p[len("/redirect/"):], 301)
        if p.startswith("/flaky/"):
            if count(p) == 1: return self.send_body(b"busy", "text/plain", 500)
            return self.serve_file(p[len("/flaky/"):])
        if p == "/always-500": return self.send_body(b"down", "text/plain", 503)
        if p == "/not-found": return self.send_body(b"gone", "text/plain", 404)
        if p.startswith("/retry-after/"):
            if count(p) == 1: return self.send_body(b"slow down", "text/plain", 429, [("Retry-After", "1")])
            return self.serve_file(p[len("/retry-after/"):])
        if p == "/retry-after-long": return self.send_body(b"later", "text/plain", 429, [("Retry-After", "3600")])
        if p.startswith("/slow/"):
            time.sleep(3); return self.serve_file(p[len("/slow/"):])
        if p == "/hang":
            time.sleep(10); return self.send_body(b"late")
        if p == "/drip":
            self.send_response(200); self.send_header("Content-Type", "text/html"); self.send_header("Content-Length", "100000"); self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"x"); self.wfile.flush(); time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if p == "/oversize": return self.send_body(b"a" * (3 * 1024 * 1024))
        if p == "/endless":
            self.send_response(200); self.send_header("Content-Type", "text/html"); self.send_header("Transfer-Encoding", "chunked"); self.end_headers()
            chunk = b"<p>" + b"y" * 65536 + b"</p>"
            try:
                while True:
                    self.wfile.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
            except (BrokenPipeError, ConnectionResetError):
                return
        if p == "/gzip-bomb":
            # 50 MiB of zeros, gzip-compressed and streamed as it is produced (1 MiB at a time), so
            # the bytes flow at once whatever the machine's load: the client must stop on the
            # decoded size, not on a stall while the server compresses.
            self.send_response(200); self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip"); self.send_header("Connection", "close"); self.end_headers()
            packer = zlib.compressobj(9, zlib.DEFLATED, 31)
            block = b"\0" * (1024 * 1024)
            try:
                for _ in range(50):
                    self.wfile.write(packer.compress(block)); self.wfile.write(packer.flush(zlib.Z_SYNC_FLUSH)); self.wfile.flush()
                self.wfile.write(packer.flush()); self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return
        if p == "/loop": return self.redirect("/loop")
        if p == "/to-https": return self.redirect("https://127.0.0.1:9/file/x")
        if p == "/to-remote-http": return self.redirect("http://example.com/list")
        if p == "/to-ftp": return self.redirect("ftp://127.0.0.1/list")
        if p == "/truncated":
            self.send_response(200); self.send_header("Content-Type", "text/html"); self.send_header("Content-Length", "5000"); self.end_headers()
            self.wfile.write(b"<table>" * 10); self.wfile.flush(); self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR); return
        if p == "/truncated-chunked":
            self.send_response(200); self.send_header("Content-Type", "text/html"); self.send_header("Transfer-Encoding", "chunked"); self.end_headers()
            self.wfile.write(b"10\r\n<table><tr><td>\r\n40\r\npartial"); self.wfile.flush(); self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR); return
        if p == "/wrong-type": return self.send_body(b'{"error": "maintenance"}', "application/json")
        if p == "/invalid-utf8": return self.send_body(b"<html><body><table><tr><th>H\xe9bergeur</th></tr>\xff\xfe</table></body></html>", "text/html; charset=utf-8")
        if p == "/reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close(); return
        self.send_body(b"no such route", "text/plain", 404)

def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()  # exit when the test closes our stdin
    os._exit(0)

main()
