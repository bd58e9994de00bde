#!/usr/bin/env node
// Runs `npm ci --no-audit --no-fund` in the resources module, but only when node_modules does not
// match package-lock.json. Run by Maven in the generate-resources phase (see ../pom.xml):
//
//   node scripts/ensure-deps.mjs [--npm <npm executable>]
//
// node_modules is current when npm's hidden lockfile (node_modules/.package-lock.json) exists and
// either is newer than package-lock.json or lists the same package versions (a checkout that only
// touched package-lock.json's mtime does not force a reinstall). No dependencies beyond Node.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOCKFILE = path.join(ROOT, 'package-lock.json');
const HIDDEN_LOCKFILE = path.join(ROOT, 'node_modules', '.package-lock.json');

function npmExecutable(argv) {
  const i = argv.indexOf('--npm');
  return i >= 0 && argv[i + 1] ? argv[i + 1] : 'npm';
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Why node_modules must be (re)installed, or null when it matches package-lock.json. */
function staleReason() {
  if (!fs.existsSync(LOCKFILE)) throw new Error(`${LOCKFILE} is missing`);
  if (!fs.existsSync(HIDDEN_LOCKFILE)) return 'node_modules is missing';
  if (fs.statSync(HIDDEN_LOCKFILE).mtimeMs >= fs.statSync(LOCKFILE).mtimeMs) return null;

  // package-lock.json is newer: compare what it pins with what is installed.
  let wanted, installed;
  try {
    wanted = readJson(LOCKFILE).packages ?? {};
    installed = readJson(HIDDEN_LOCKFILE).packages ?? {};
  } catch (e) {
    return `cannot compare lockfiles (${e.message})`;
  }
  for (const [key, spec] of Object.entries(wanted)) {
    if (key === '') continue;
    const have = installed[key];
    if (!have) {
      // Optional packages for other platforms are legitimately absent.
      if (spec.optional) continue;
      return `${key} is not installed`;
    }
    if (have.version !== spec.version || (spec.integrity && have.integrity !== spec.integrity)) {
      return `${key} is ${have.version}, package-lock.json wants ${spec.version}`;
    }
  }
  for (const key of Object.keys(installed)) {
    if (!(key in wanted)) return `${key} is installed but not in package-lock.json`;
  }
  return null;
}

try {
  const reason = staleReason();
  if (reason === null) {
    console.log('node_modules up to date');
    process.exit(0);
  }
  const npm = npmExecutable(process.argv.slice(2));
  const args = ['ci', '--no-audit', '--no-fund'];
  console.log(`${reason}: running ${npm} ${args.join(' ')} in ${ROOT}`);
  // npm is npm.cmd on Windows, which only a shell can start.
  const result = spawnSync(npm, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) throw new Error(`cannot run ${npm}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${npm} ${args.join(' ')} failed (${result.signal ? `signal ${result.signal}` : `exit ${result.status}`})`);
  }
} catch (e) {
  console.error(`ensure-deps.mjs: ${e.message}`);
  process.exit(1);
}
