"""A loopback HTTP server that answers badly on purpose, for transport and client tests.
Prints its port, then serves: /garbage (200, not JSON), /slow (answers after 10 s),
/huge (200, 4 MiB), /cut (promises 1000 bytes, sends 10 and closes), /html503 (503 HTML page),
/port (200, the client's port: the same port twice means the connection was reused)."""
import http.server
import socketserver
import sys
import time


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body, content_type="application/x-amz-json-1.0", length=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.do_GET()

    def do_GET(self):
        if self.path.startswith("/garbage"):
            self.answer(200, b"\x1b]52;c;AAAA\x07<html>not json")
        elif self.path.startswith("/slow"):
            time.sleep(10)
            self.answer(200, b"{}")
        elif self.path.startswith("/huge"):
            self.answer(200, b"x" * (4 << 20))
        elif self.path.startswith("/cut"):
            self.answer(200, b"{\"partial\":", length=1000)
            self.wfile.flush()
            self.connection.close()
        elif self.path.startswith("/port"):
            self.answer(200, str(self.client_address[1]).encode(), content_type="text/plain")
        elif self.path.startswith("/html503"):
            self.answer(503, b"<html><body>Service Unavailable</body></html>", content_type="text/html")
        else:
            self.answer(404, b"{}")


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
