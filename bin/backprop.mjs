#!/usr/bin/env node
// backprop on Node: the WebAssembly core behind the same command line as the native tool
// (cpp/cli/main.cpp): same verbs, help, JSON on stdout, one line on stderr, exit codes.
import {open, readFile} from 'node:fs/promises';
import {loadCore} from '../web/core/core.js';

async function readAtMost(handle, limit) {
  const chunks = [];
  let total = 0;
  while (total < limit) {
    const buffer = Buffer.allocUnsafe(Math.min(limit - total, 1 << 20));
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

async function readStdin(limit) {
  const chunks = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
    total += chunk.length;
    if (total >= limit) break;
  }
  return Buffer.concat(chunks, total).subarray(0, limit);
}

// The input's bytes, or null when it cannot be read. Like the native tool, read one byte beyond the
// core's limit, so that the parser refuses an oversized input with the same message.
async function readInput(path, maxBytes) {
  const limit = maxBytes + 1;
  try {
    if (path === '-') return await readStdin(limit);
    const handle = await open(path, 'r');
    try {
      return await readAtMost(handle, limit);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

function write(stream, text) {
  return new Promise((resolve) => {
    if (!text) return resolve(true);
    stream.write(text, (error) => resolve(!error));
  });
}

async function main(args) {
  let core;
  try {
    const wasmBinary = await readFile(new URL('../web/core/core.wasm', import.meta.url));
    core = await loadCore({wasmBinary});
  } catch (error) {
    process.stderr.write(`backprop: cannot load the WebAssembly core (run scripts/build-wasm.sh): ${error.message}\n`);
    return 1;
  }
  if (args.length === 1 && (args[0] === '-h' || args[0] === '--help')) {
    await write(process.stdout, core.usage());
    return 0;
  }
  if (args.length === 1 && args[0] === 'spec') args = ['spec', null];
  if (args.length !== 2) {
    await write(process.stderr, core.usage());
    return 1;
  }
  const [command, path] = args;
  const bytes = path === null ? '' : await readInput(path, core.spec().limits.max_text_bytes);
  if (bytes === null) {
    await write(process.stderr, `backprop: cannot read ${path === '-' ? 'standard input' : path}\n`);
    return 1;
  }
  const outcome = core.run(command, bytes);
  if (outcome.code === 0) {
    if (!(await write(process.stdout, outcome.json))) {
      await write(process.stderr, 'backprop: cannot write the result\n');
      return 1;
    }
    return 0;
  }
  await write(process.stderr, `backprop: ${outcome.message}\n`);
  return outcome.code;
}

// A failed write also emits 'error'; the callback above has already handled it.
process.stdout.on('error', () => {});
process.exitCode = await main(process.argv.slice(2));
