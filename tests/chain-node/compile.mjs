// Compiles contracts/*.sol with the npm solc (solcjs) and prints, per contract, its ABI, creation
// bytecode and method selectors as JSON on stdout. The tests run it once per test process.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import solc from "solc";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "contracts");
const sources = {};
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".sol")).sort()) {
  sources[file] = { content: fs.readFileSync(path.join(dir, file), "utf8") };
}
const input = {
  language: "Solidity",
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: "cancun",
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.methodIdentifiers"] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors ?? []).filter((e) => e.severity === "error");
if (errors.length > 0) {
  process.stderr.write(errors.map((e) => e.formattedMessage).join("\n"));
  process.exit(1);
}
const contracts = {};
for (const file of Object.keys(output.contracts)) {
  for (const [name, c] of Object.entries(output.contracts[file])) {
    contracts[name] = { abi: c.abi, bytecode: "0x" + c.evm.bytecode.object, methods: c.evm.methodIdentifiers };
  }
}
process.stdout.write(JSON.stringify({ compiler: solc.version(), contracts }));
