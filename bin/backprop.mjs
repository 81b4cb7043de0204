#!/usr/bin/env node
// backprop on Node: the WebAssembly core behind the same command line as the native tool
// (cpp/cli/main.cpp): same verbs, help, JSON on stdout, one line on stderr, exit codes.
import {open, readFile} from 'node:fs/promises';
import {loadCore} from '../web/core/core.js';
import {specText} from '../web/core/spec.js';
import {runGuarded, silentModule} from './guard.mjs';

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

// A failed write (a full disk, a closed pipe) is reported as the native tool reports it. One case
// cannot be: Node reopens a closed stdout (`>&-`) on /dev/null before any script runs, read-write,
// exactly as Python's subprocess.DEVNULL or Node's stdio 'ignore' hand it over, so the write
// succeeds where the native tool's fails (exit 1, "cannot write the result").
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
    core = await loadCore({wasmBinary, ...silentModule});
  } catch (error) {
    process.stderr.write(`backprop: cannot load the WebAssembly core (run scripts/build-wasm.sh): ${error.message}\n`);
    return 1;
  }
  if (args.length === 1 && (args[0] === '-h' || args[0] === '--help')) {
    await write(process.stdout, core.usage());
    return 0;
  }
  if (args.length === 1 && args[0] === 'spec') {
    // As the native tool: the spec, or exit 1 without a word when it cannot be written.
    return (await write(process.stdout, specText)) ? 0 : 1;
  }
  if (args.length !== 2) {
    await write(process.stderr, core.usage());
    return 1;
  }
  const [command, path] = args;
  const bytes = await readInput(path, core.spec().limits.max_text_bytes);
  if (bytes === null) {
    await write(process.stderr, `backprop: cannot read ${path === '-' ? 'standard input' : path}\n`);
    return 1;
  }
  // Never an abort: running out of memory inside the core is a refusal, as natively.
  const outcome = runGuarded(core, command, bytes);
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
// Anything unforeseen is still one line, never a stack trace.
process.exitCode = await main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`backprop: ${String(error?.message ?? error).split('\n')[0]}\n`);
  return 1;
});
