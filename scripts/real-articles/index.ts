/**
 * Articles assembled from real labelled news sentences (NewsMTSC), about fictional people: the one
 * evaluation world shared by the stance evaluation (`eval:stance -- --articles`) and the alerts
 * evaluation (`eval:alerts`). Never commit what it renders: the sentences are the data set's.
 */
export { assembleArticle, poolsOf, renderPortrayal, type AssembledArticle, type AssembleOptions, type PortrayalPools } from './assemble.js';
export { allPeople, drawPerson, type Person } from './names.js';
export { devPortrayals, newsMtscPresent, trainFoldPortrayals, type PortrayalSet } from './pools.js';
export { readPortrayals, type Portrayal, type Slot } from './portrayals.js';
