#!/usr/bin/env node
// Compiles the Solidity contracts under contracts/ with solc-js and stages the anvil binary.
//
// Run by Maven in the generate-resources phase (see ../pom.xml), after scripts/ensure-deps.mjs has
// made sure node_modules matches package-lock.json:
//
//   node scripts/build.mjs --out <classes dir> --anvil-out <dir>
//
// Writes <out>/org/hearth/contracts/<Name>.json for each shipped contract and copies the anvil
// binary of this platform to <anvil-out>/anvil (anvil.exe on Windows). Compilation is skipped when
// the sources, package-lock.json and this script are unchanged since the last build
// (<out>/org/hearth/contracts/.build-hash). No dependencies beyond node_modules.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SCRIPT), '..');
const CONTRACTS_DIR = path.join(ROOT, 'contracts');
const NODE_MODULES = path.join(ROOT, 'node_modules');
const LOCKFILE = path.join(ROOT, 'package-lock.json');

/** The contracts whose artifacts are shipped in the jar. */
const SHIPPED = [
  'Multicall3',
  'HearthToken',
  'HearthTimelock',
  'HearthGovernor',
  'HearthCollectibles',
  'HearthItems',
  'HearthGallery', // off-chain metadata: the demo IPFS collection, the spam airdrop, NFT test fixtures
  'TransferEmitter', // the log indexer's test and benchmark fixture
  'BlockVotesToken', // governance tests: a Governor on the block-number clock (the demo's counts seconds)
  // proposal checks: a UUPS implementation behind real OpenZeppelin 5 proxies (upgrade and proxy warnings)
  'UpgradeableBox',
  'ERC1967Proxy',
  'TransparentUpgradeableProxy',
  'ComputeMarket',
  // the demo world's odd tokens (issue 8): USDT style, bytes32 symbol, fee on transfer, spam airdrop
  'DemoUsdt',
  'DemoMaker',
  'DemoFeeToken',
  'DemoTokenAirdrop',
  // token fixtures (tests of org.hearth.tokens)
  'PlainToken',
  'Bytes32Token',
  'NoBoolToken',
  'RevertingBalanceToken',
  'FalseReturnToken',
];

/** EIP-170 limit on deployed code size. */
const MAX_DEPLOYED_SIZE = 24576;

class BuildError extends Error {}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out' || arg === '--anvil-out') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new BuildError(`${arg} needs a directory`);
      args[arg.slice(2)] = path.resolve(value);
    } else {
      throw new BuildError(`unknown argument: ${arg}`);
    }
  }
  if (!args.out) throw new BuildError('usage: node scripts/build.mjs --out <dir> --anvil-out <dir>');
  return args;
}

/** All .sol files under contracts/, as sorted paths relative to ROOT with forward slashes. */
function listSources(dir = CONTRACTS_DIR) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listSources(full));
    else if (entry.isFile() && entry.name.endsWith('.sol')) found.push(path.relative(ROOT, full).split(path.sep).join('/'));
  }
  return found.sort();
}

function inputHash(sources) {
  const hash = createHash('sha256');
  const add = (label, content) => {
    hash.update(label);
    hash.update('\0');
    hash.update(content);
    hash.update('\0');
  };
  for (const source of sources) add(source, fs.readFileSync(path.join(ROOT, source)));
  add('package-lock.json', fs.readFileSync(LOCKFILE));
  // The compiler settings live in this script, so it is an input too.
  add('scripts/build.mjs', fs.readFileSync(SCRIPT));
  return hash.digest('hex');
}

function readIfExists(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Resolves imports that are not among the sources: @openzeppelin/... from node_modules, others from ROOT. */
function findImports(importPath) {
  const base = importPath.startsWith('@') ? NODE_MODULES : ROOT;
  const file = path.resolve(base, importPath);
  if (!file.startsWith(base + path.sep)) return { error: `import outside the project: ${importPath}` };
  try {
    return { contents: fs.readFileSync(file, 'utf8') };
  } catch {
    return { error: `file not found: ${importPath} (looked at ${file})` };
  }
}

function compile(sources) {
  const require = createRequire(import.meta.url);
  let solc;
  try {
    solc = require('solc');
  } catch (e) {
    throw new BuildError(`cannot load solc from ${NODE_MODULES} (run npm ci in ${ROOT}): ${e.message}`);
  }
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(
      sources.map((source) => [source, { content: fs.readFileSync(path.join(ROOT, source), 'utf8') }]),
    ),
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
      outputSelection: {
        '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] },
      },
    },
  };
  const version = solc.version();
  console.log(`compiling ${sources.length} source files with solc ${version}`);
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));

  const diagnostics = output.errors ?? [];
  for (const d of diagnostics) {
    const text = (d.formattedMessage ?? d.message).trimEnd();
    (d.severity === 'error' ? console.error : console.warn)(text);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new BuildError(`compilation failed with ${errors.length} error(s)`);
  return { output, version };
}

function collectArtifacts(output, version, sourceHash) {
  const byName = new Map();
  const tooLarge = [];
  for (const [file, contracts] of Object.entries(output.contracts ?? {})) {
    for (const [name, contract] of Object.entries(contracts)) {
      const deployed = contract.evm?.deployedBytecode?.object ?? '';
      const size = deployed.length / 2;
      if (size > MAX_DEPLOYED_SIZE) tooLarge.push(`${file}:${name} deploys ${size} bytes (limit ${MAX_DEPLOYED_SIZE})`);
      if (!SHIPPED.includes(name)) continue;
      if (byName.has(name)) throw new BuildError(`contract ${name} is defined twice (${byName.get(name).file}, ${file})`);
      byName.set(name, { file, contract, size });
    }
  }
  if (tooLarge.length > 0) throw new BuildError(`deployed bytecode too large:\n  ${tooLarge.join('\n  ')}`);

  return SHIPPED.map((name) => {
    const entry = byName.get(name);
    if (!entry) throw new BuildError(`contract ${name} was not found under contracts/`);
    const bytecode = entry.contract.evm.bytecode.object;
    if (!bytecode) throw new BuildError(`contract ${name} has no bytecode (is it abstract?)`);
    if (bytecode.includes('__$')) throw new BuildError(`contract ${name} needs library linking, which is not supported`);
    return {
      contractName: name,
      abi: entry.contract.abi,
      bytecode: `0x${bytecode}`,
      deployedBytecodeSize: entry.size,
      compiler: `solc ${version}`,
      sourceHash,
    };
  });
}

function buildContracts(outDir) {
  const artifactDir = path.join(outDir, 'org', 'hearth', 'contracts');
  const hashFile = path.join(artifactDir, '.build-hash');
  const sources = listSources();
  if (sources.length === 0) throw new BuildError(`no .sol files under ${CONTRACTS_DIR}`);
  const hash = inputHash(sources);

  const upToDate =
    readIfExists(hashFile)?.trim() === hash &&
    SHIPPED.every((name) => fs.existsSync(path.join(artifactDir, `${name}.json`)));
  if (upToDate) {
    console.log('contracts up to date');
    return;
  }

  const started = Date.now();
  const { output, version } = compile(sources);
  const artifacts = collectArtifacts(output, version, hash);

  fs.mkdirSync(artifactDir, { recursive: true });
  fs.rmSync(hashFile, { force: true });
  for (const artifact of artifacts) {
    fs.writeFileSync(path.join(artifactDir, `${artifact.contractName}.json`), `${JSON.stringify(artifact, null, 2)}\n`);
    console.log(`  ${artifact.contractName.padEnd(20)} ${String(artifact.deployedBytecodeSize).padStart(6)} bytes deployed`);
  }
  fs.writeFileSync(hashFile, `${hash}\n`);
  console.log(`wrote ${artifacts.length} artifacts to ${artifactDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function stageAnvil(anvilOut) {
  const os = { linux: 'linux', darwin: 'darwin', win32: 'win32' }[process.platform];
  const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch];
  if (!os || !arch) {
    throw new BuildError(`no anvil build for ${process.platform}/${process.arch} (supported: linux, darwin, win32 on x64 or arm64)`);
  }
  const exe = process.platform === 'win32' ? 'anvil.exe' : 'anvil';
  const pkg = `@foundry-rs/anvil-${os}-${arch}`;
  const source = path.join(NODE_MODULES, ...pkg.split('/'), 'bin', exe);
  if (!fs.existsSync(source)) {
    throw new BuildError(
      `the anvil binary for this platform is missing: ${source}\n` +
        `  ${pkg} is an optional dependency of @foundry-rs/anvil; it may not exist for ${process.platform}/${process.arch}, ` +
        `or npm skipped it (--omit=optional, or a package-lock.json generated without it). ` +
        `Delete ${NODE_MODULES} and rebuild, or set HEARTH_ANVIL to an anvil executable at run time.`,
    );
  }
  const target = path.join(anvilOut, exe);
  const src = fs.statSync(source);
  const dst = fs.existsSync(target) ? fs.statSync(target) : null;
  const same = dst && dst.size === src.size && Math.floor(dst.mtimeMs / 1000) === Math.floor(src.mtimeMs / 1000);
  if (same) {
    console.log(`anvil up to date at ${target}`);
    return;
  }
  fs.mkdirSync(anvilOut, { recursive: true });
  fs.rmSync(target, { force: true });
  fs.copyFileSync(source, target);
  fs.chmodSync(target, 0o755);
  fs.utimesSync(target, src.atime, src.mtime);
  console.log(`staged anvil (${pkg}) at ${target}`);
}

try {
  const args = parseArgs(process.argv.slice(2));
  buildContracts(args.out);
  if (args['anvil-out']) stageAnvil(args['anvil-out']);
} catch (e) {
  if (e instanceof BuildError) {
    console.error(`build.mjs: ${e.message}`);
  } else {
    console.error(e);
  }
  process.exit(1);
}
