// Starting and stopping the HTTP server around an app made by createApp.
import type { Express } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  server: Server;
  /** Base URL, e.g. http://127.0.0.1:3000 (the real port when 0 was asked). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The port cannot be had: which one, why, and how to choose another (Vietnamese; English in messageEn). */
export class PortError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
    readonly code: string,
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'PortError';
  }
}

function portError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  const other = port > 0 && port < 65535 ? port + 1 : 3001;
  const how = `cancu serve --port ${other}, hoặc PORT=${other} npm start (0: một cổng trống bất kỳ)`;
  const howEn = `cancu serve --port ${other}, or PORT=${other} npm start (0: any free port)`;
  if (error.code === 'EADDRINUSE') {
    return new PortError(port, host, error.code, `Cổng ${port} trên ${host} đang được một chương trình khác dùng. Chọn cổng khác: ${how}.`, `Port ${port} on ${host} is already in use by another program. Choose another: ${howEn}.`);
  }
  if (error.code === 'EACCES') {
    return new PortError(port, host, error.code, `Không được phép mở cổng ${port} trên ${host} (cổng dưới 1024 cần quyền quản trị). Chọn cổng khác: ${how}.`, `Not allowed to open port ${port} on ${host} (ports below 1024 need administrator rights). Choose another: ${howEn}.`);
  }
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
    return new PortError(port, host, error.code, `Máy này không có địa chỉ ${host} để lắng nghe; đặt HOST=127.0.0.1 (chỉ máy này) hoặc HOST=0.0.0.0 (mọi giao diện mạng).`, `This machine has no address ${host} to listen on; set HOST=127.0.0.1 (this machine only) or HOST=0.0.0.0 (every interface).`);
  }
  return error;
}

export function listen(app: Express, port: number, host: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    const failed = (error: NodeJS.ErrnoException) => reject(portError(error, port, host));
    server.once('error', failed);
    server.once('listening', () => {
      server.off('error', failed);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        server,
        port: address.port,
        url: `http://${shownHost}:${address.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive connections would hold close() open until they time out.
            server.closeIdleConnections();
          }),
      });
    });
  });
}
