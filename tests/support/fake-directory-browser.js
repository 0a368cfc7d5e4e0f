// Runs in the page (see fake-directory.ts): a `showDirectoryPicker()` whose folder is on
// the test machine's disk, reached through the `__banTinFs` function the test exposes.
(() => {
  const call = (operation, path, data) => window.__banTinFs(operation, path, data);
  const join = (parent, name) => (parent ? `${parent}/${name}` : name);
  const parentOf = (path) => path.split('/').slice(0, -1).join('/');
  const error = (name, message) => new DOMException(message, name);
  const toBase64 = (bytes) => {
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  };
  const fromBase64 = (text) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

  // Own properties are plain data, so the editor can keep a handle in IndexedDB as it does a real one.
  class Handle {
    constructor(kind, path) {
      this.kind = kind;
      this.path = path;
      this.name = path.split('/').pop() ?? '';
    }
    async isSameEntry(other) {
      return other.kind === this.kind && other.path === this.path;
    }
    async queryPermission() {
      return 'granted';
    }
    async requestPermission() {
      return 'granted';
    }
  }

  class FileHandle extends Handle {
    constructor(path) {
      super('file', path);
    }
    async getFile() {
      const { data, lastModified } = await call('read', this.path);
      return new File([fromBase64(data)], this.name, { lastModified });
    }
    async createWritable() {
      const path = this.path;
      const parts = [];
      return {
        async write(chunk) {
          parts.push(chunk && typeof chunk === 'object' && 'type' in chunk && 'data' in chunk ? chunk.data : chunk);
        },
        async close() {
          await call('write', path, toBase64(new Uint8Array(await new Blob(parts).arrayBuffer())));
        },
        async abort() {},
      };
    }
    async move(target, name) {
      const [folder, newName] =
        typeof target === 'string' ? [parentOf(this.path), target] : [target.path, name ?? this.name];
      this.path = await call('move', this.path, join(folder, newName));
      this.name = newName;
    }
  }

  class DirectoryHandle extends Handle {
    constructor(path) {
      super('directory', path);
    }
    async *entries() {
      for (const { name, kind } of await call('list', this.path)) {
        const path = join(this.path, name);
        yield [name, kind === 'directory' ? new DirectoryHandle(path) : new FileHandle(path)];
      }
    }
    async *values() {
      for await (const [, handle] of this.entries()) yield handle;
    }
    async *keys() {
      for await (const [name] of this.entries()) yield name;
    }
    [Symbol.asyncIterator]() {
      return this.entries();
    }
    async getFileHandle(name, { create = false } = {}) {
      const path = join(this.path, name);
      const kind = await call('kind', path);
      if (kind === 'directory') throw error('TypeMismatchError', `${name} is a folder`);
      if (kind === null) {
        if (!create) throw error('NotFoundError', `${name} not found`);
        await call('write', path, '');
      }
      return new FileHandle(path);
    }
    async getDirectoryHandle(name, { create = false } = {}) {
      const path = join(this.path, name);
      const kind = await call('kind', path);
      if (kind === 'file') throw error('TypeMismatchError', `${name} is a file`);
      if (kind === null) {
        if (!create) throw error('NotFoundError', `${name} not found`);
        await call('mkdir', path);
      }
      return new DirectoryHandle(path);
    }
    async removeEntry(name, { recursive = false } = {}) {
      const path = join(this.path, name);
      if ((await call('kind', path)) === null) throw error('NotFoundError', `${name} not found`);
      await call('remove', path, recursive);
    }
    async resolve(handle) {
      if (handle.path === this.path) return [];
      const prefix = this.path ? `${this.path}/` : '';
      return handle.path.startsWith(prefix) ? handle.path.slice(prefix.length).split('/') : null;
    }
  }

  Object.defineProperty(window, 'showDirectoryPicker', {
    configurable: true,
    value: async () => new DirectoryHandle(''),
  });
})();
