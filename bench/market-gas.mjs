// Gas of each ComputeMarket step on a fresh anvil, beside HearthToken's transfer and approve (the floor any
// escrow market pays) measured in the same run. Usage: node market-gas.mjs RPC_URL ARTIFACT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { ethers } from 'ethers';

const [rpcUrl, artifacts] = process.argv.slice(2);
const provider = new ethers.JsonRpcProvider(rpcUrl, undefined, { staticNetwork: true, polling: true, pollingInterval: 50 });
const load = (name) => JSON.parse(fs.readFileSync(path.join(artifacts, `${name}.json`), 'utf8'));
const accounts = await provider.send('eth_accounts', []);
const signer = (i) => provider.getSigner(accounts[i]);
const [deployer, requester, prov, treasury, someone] = await Promise.all([0, 1, 2, 3, 4].map(signer));
const HRTH = 10n ** 18n;

async function deploy(name, from, ...args) {
  const a = load(name);
  const c = await new ethers.ContractFactory(a.abi, a.bytecode, from).deploy(...args);
  await c.waitForDeployment();
  return c;
}
async function gas(txPromise) {
  const receipt = await (await txPromise).wait();
  return receipt.gasUsed;
}
const warp = async (seconds) => {
  await provider.send('evm_increaseTime', [seconds]);
  await provider.send('evm_mine', []);
};

const token = await deploy('HearthToken', deployer, accounts[0]);
// Parameters as the demo world sets them: 2.5% fee, 100 HRTH minimum stake, 10 HRTH bond, 30 s review.
const market = await deploy('ComputeMarket', deployer, await token.getAddress(), await treasury.getAddress(),
  250, 100n * HRTH, 10n * HRTH, 30, 86_400, 60);
const m = await market.getAddress();
for (const who of [requester, prov]) {
  await (await token.transfer(await who.getAddress(), 10_000n * HRTH)).wait();
  await (await token.connect(who).approve(m, ethers.MaxUint256)).wait();
}

const rows = [];
const peer = {
  transfer: await gas(token.connect(requester).transfer(await someone.getAddress(), 1n * HRTH)),
  approve: await gas(token.connect(someone).approve(m, 123n)),
};
rows.push(['register (100 HRTH stake)', await gas(market.connect(prov).registerProvider(100n * HRTH,
  'http://127.0.0.1:47123', ethers.id('attestation')))]);

const spec = ethers.id('spec');
const specUrl = 'http://127.0.0.1:47124';
const resultUrl = 'http://127.0.0.1:47123';
async function job(label, settle) {
  const post = await gas(market.connect(requester).postJob(1, spec, specUrl, 5n * HRTH, 120, 60));
  const id = await market.jobCount();
  const claim = await gas(market.connect(prov).claim(id));
  const submit = await gas(market.connect(prov).submit(id, ethers.id(`result ${id}`), resultUrl));
  let last;
  if (settle === 'accept') {
    last = await gas(market.connect(requester).accept(id));
  } else {
    await warp(31);
    last = await gas(market.connect(someone).finalize(id));
  }
  return { label, post, claim, submit, last, settle, total: post + claim + submit + last };
}
const jobs = [
  await job("first job (provider's first credit)", 'accept'),
  await job('second job (steady state)', 'accept'),
  await job('third job, finalized by anyone', 'finalize'),
];

const fmt = (n) => n.toLocaleString('en-US').padStart(9);
console.log(`peer (same chain, same run): HearthToken transfer ${fmt(peer.transfer)}   approve ${fmt(peer.approve)}`);
console.log(`${rows[0][0].padEnd(40)} ${fmt(rows[0][1])}`);
console.log('');
console.log(`${'job'.padEnd(40)} ${'post'.padStart(9)} ${'claim'.padStart(9)} ${'submit'.padStart(9)} ${'settle'.padStart(18)} ${'whole job'.padStart(9)}`);
for (const j of jobs) {
  console.log(`${j.label.padEnd(40)} ${fmt(j.post)} ${fmt(j.claim)} ${fmt(j.submit)} ${(j.settle + ' ' + fmt(j.last).trim()).padStart(18)} ${fmt(j.total)}`);
}
const steady = jobs[1];
console.log('');
console.log(`goal: post + claim + submit + accept <= 250,000 gas; steady state ${steady.total.toLocaleString('en-US')}, ` +
  `first job ${jobs[0].total.toLocaleString('en-US')} ` +
  `(${(Number(steady.total) / Number(peer.transfer)).toFixed(1)}x one token transfer)`);
