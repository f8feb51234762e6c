import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
  scryptSync,
} from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, openSync, readSync, statSync, writeSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { PRIVATE_MODE } from './files';

/**
 * Encrypted backups (AES-256-GCM), without keeping the passphrase or a key that opens them.
 *
 * When an admin sets the clinic's backup passphrase, the app makes an X25519 key pair. The public
 * half is stored as is: with it every backup can be encrypted unattended (a fresh key per file,
 * agreed with the public key, through HKDF-SHA256, then AES-256-GCM). The private half is stored
 * only encrypted with AES-256-GCM under a key derived by scrypt from the passphrase; its GCM tag
 * is the passphrase verifier. Opening a backup needs the passphrase; the wrong one is told so.
 */
export interface Keyring {
  v: 1;
  /** Short fingerprint of the public key, written into every backup made with it. */
  keyId: string;
  publicKey: string;
  privateKey: { kdf: 'scrypt'; N: number; r: number; p: number; salt: string; iv: string; tag: string; data: string };
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('The backup passphrase is not right.');
    this.name = 'WrongPassphraseError';
  }
}

const MAGIC = Buffer.from('TMSBAK01', 'latin1');
const TAG_BYTES = 16;
const SCRYPT = { N: 2 ** 16, r: 8, p: 1 };

function passphraseKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 });
}

function sealPrivateKey(privateDer: Buffer, passphrase: string): Keyring['privateKey'] {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', passphraseKey(passphrase, salt, SCRYPT), iv);
  const data = Buffer.concat([cipher.update(privateDer), cipher.final()]);
  return { kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export function createKeyring(passphrase: string): Keyring {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const publicDer = publicKey.export({ type: 'spki', format: 'der' });
  return {
    v: 1,
    keyId: createHash('sha256').update(publicDer).digest('hex').slice(0, 16),
    publicKey: publicDer.toString('base64'),
    privateKey: sealPrivateKey(privateKey.export({ type: 'pkcs8', format: 'der' }), passphrase),
  };
}

/** The private key, or WrongPassphraseError. */
export function unlockKeyring(keyring: Keyring, passphrase: string): KeyObject {
  const sealed = keyring.privateKey;
  const key = passphraseKey(passphrase, Buffer.from(sealed.salt, 'base64'), sealed);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  try {
    const der = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    throw new WrongPassphraseError();
  }
}

/** The same key pair under a new passphrase (so earlier backups stay readable). */
export function rewrapKeyring(keyring: Keyring, current: string, next: string): Keyring {
  const privateKey = unlockKeyring(keyring, current);
  return { ...keyring, privateKey: sealPrivateKey(privateKey.export({ type: 'pkcs8', format: 'der' }), next) };
}

interface FileHeader {
  v: 1;
  alg: 'aes-256-gcm';
  keyId: string;
  epk: string;
  iv: string;
}

function fileKey(shared: Buffer, iv: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, iv, 'tms-course-tracker backup v1', 32));
}

/** Encrypts `source` into `target` (created 0600): magic, header length, header (authenticated), ciphertext, tag. */
export async function encryptFile(source: string, target: string, keyring: Keyring): Promise<void> {
  const recipient = createPublicKey({ key: Buffer.from(keyring.publicKey, 'base64'), format: 'der', type: 'spki' });
  const ephemeral = generateKeyPairSync('x25519');
  const iv = randomBytes(12);
  const key = fileKey(diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient }), iv);
  const header: FileHeader = {
    v: 1,
    alg: 'aes-256-gcm',
    keyId: keyring.keyId,
    epk: ephemeral.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    iv: iv.toString('base64'),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const fd = openSync(target, 'w', PRIVATE_MODE);
  try {
    writeSync(fd, Buffer.concat([MAGIC, length, headerBytes]));
  } finally {
    closeSync(fd);
  }
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(headerBytes);
  await pipeline(createReadStream(source), cipher, createWriteStream(target, { flags: 'a', mode: PRIVATE_MODE }));
  const tagFd = openSync(target, 'a');
  try {
    writeSync(tagFd, cipher.getAuthTag());
  } finally {
    closeSync(tagFd);
  }
}

function readHeader(path: string): { header: FileHeader; headerBytes: Buffer; dataStart: number; tag: Buffer; size: number } {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    const prefix = Buffer.alloc(MAGIC.length + 4);
    readSync(fd, prefix, 0, prefix.length, 0);
    if (!prefix.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error(`${path} is not an encrypted TMS Course Tracker backup.`);
    const headerLength = prefix.readUInt32BE(MAGIC.length);
    if (headerLength > 4096 || size < prefix.length + headerLength + TAG_BYTES) throw new Error(`${path} is cut short.`);
    const headerBytes = Buffer.alloc(headerLength);
    readSync(fd, headerBytes, 0, headerLength, prefix.length);
    const tag = Buffer.alloc(TAG_BYTES);
    readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
    return { header: JSON.parse(headerBytes.toString('utf8')) as FileHeader, headerBytes, dataStart: prefix.length + headerLength, tag, size };
  } finally {
    closeSync(fd);
  }
}

export function isEncryptedBackup(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const magic = Buffer.alloc(MAGIC.length);
    readSync(fd, magic, 0, MAGIC.length, 0);
    return magic.equals(MAGIC);
  } finally {
    closeSync(fd);
  }
}

/** Decrypts into `target` (0600). Throws WrongPassphraseError-like errors when the key or file is wrong. */
export async function decryptFile(source: string, target: string, privateKey: KeyObject): Promise<void> {
  const { header, headerBytes, dataStart, tag, size } = readHeader(source);
  const key = fileKey(
    diffieHellman({ privateKey, publicKey: createPublicKey({ key: Buffer.from(header.epk, 'base64'), format: 'der', type: 'spki' }) }),
    Buffer.from(header.iv, 'base64'),
  );
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAAD(headerBytes);
  decipher.setAuthTag(tag);
  const end = size - TAG_BYTES - 1;
  const input = end >= dataStart ? createReadStream(source, { start: dataStart, end }) : createReadStream(source, { start: dataStart, end: dataStart - 1 });
  try {
    await pipeline(input, decipher, createWriteStream(target, { mode: PRIVATE_MODE }));
  } catch (error) {
    throw new Error(`${source} could not be decrypted: it was made with another passphrase's key or it is damaged.`, { cause: error });
  }
}

export function keyIdOf(path: string): string {
  return readHeader(path).header.keyId;
}
