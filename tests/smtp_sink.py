"""A real SMTP server for the mail tests: saves each accepted message to DIR as an .eml file,
or, with --refuse, refuses every recipient. Prints its port, then serves until killed."""
import argparse
import asyncio
import pathlib
import socket
import uuid

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, directory, refuse):
        self.directory = pathlib.Path(directory)
        self.refuse = refuse

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return "550 5.7.1 Relaying denied"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = self.directory / f"{uuid.uuid4().hex}.eml"
        header = "X-Envelope-To: " + ", ".join(envelope.rcpt_tos) + "\r\n"
        name.write_bytes(header.encode() + envelope.content)
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--refuse", action="store_true")
    args = parser.parse_args()
    # aiosmtpd cannot start on port 0; ask the kernel for a free port first.
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    controller = Controller(Sink(args.dir, args.refuse), hostname="127.0.0.1", port=port)
    controller.start()
    print(port, flush=True)
    try:
        asyncio.get_event_loop().run_forever()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
