import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GRU_KERNEL_MODULE, assembleGruKernel, gruKernelModuleSource } from './stance/gru-kernel-build.js';

// Assembles src/nlp/stance-model/gru-kernel.wat into the committed gru-kernel-wasm.ts.
const binary = await assembleGruKernel();
writeFileSync(GRU_KERNEL_MODULE, gruKernelModuleSource(binary));
process.stdout.write(`wrote ${fileURLToPath(GRU_KERNEL_MODULE)} (${binary.length} bytes of wasm)\n`);
