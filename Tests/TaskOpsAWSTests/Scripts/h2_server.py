"""An HTTPS server that offers HTTP/2 (ALPN h2) with a certificate from a throwaway CA.
Usage: h2_server.py DIR — writes DIR/ca.pem, prints "PORT", serves until killed.
Each answer is JSON naming the HTTP version the request came over."""
import asyncio
import json
import os
import socket
import subprocess
import sys

from hypercorn.asyncio import serve
from hypercorn.config import Config

directory = sys.argv[1]


def openssl(*args):
    subprocess.run(["openssl", *args], check=True, cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=taskops test CA")
openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1")
with open(os.path.join(directory, "san.ext"), "w") as ext:
    ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2",
        "-extfile", "san.ext")


async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    body = json.dumps({"httpVersion": scope["http_version"]}).encode()
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": body})


probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
config = Config()
config.bind = [f"127.0.0.1:{port}"]
config.certfile = os.path.join(directory, "server.pem")
config.keyfile = os.path.join(directory, "server.key")
config.alpn_protocols = ["h2", "http/1.1"]
config.accesslog = None
config.errorlog = None
print(port, flush=True)
asyncio.run(serve(app, config))
