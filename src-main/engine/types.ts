import type { PrecisionId } from './precision.js';

export type HaPolicy = 'none' | 'n+1' | 'n+2';
export type MemoryBasis = 'nominal' | 'measured';
export type Lang = 'en' | 'pt-BR';
export type Severity = 'info' | 'warning' | 'critical';
export type MethodId = 'pooled';

/** Text in both product languages; the engine never picks one, its callers do. */
export type LocalizedText = Record<Lang, string>;

/** KV cache layout of one transformer layer family. */
export type Attention =
  | { kind: 'gqa'; kvHeads: number; headDim: number }
  | { kind: 'mla'; kvLoraRank: number; qkRopeHeadDim: number };

export interface ModelRecord {
  id: string;
  name: string;
  layers: number;
  /** Layers that only attend to the last `windowTokens` tokens (the rest attend to the full context). */
  slidingWindow?: { layers: number; windowTokens: number };
  queryHeads: number;
  attention: Attention;
  paramsTotalB: number;
  paramsActiveB: number;
  weightsGiB: number;
  weightsFormat: string;
  maxContextTokens: number;
  source: string;
}

export interface ServerRecord {
  id: string;
  name: string;
  gpus: number;
  hbmGBPerGpu: number;
  /** Capacity per GPU as nvidia-smi reports it, when known. */
  measuredMiBPerGpu?: number;
  hbmBandwidthTBpsPerGpu: number;
  nodePowerKW: number;
  priceLowUsd: number;
  priceHighUsd: number;
  source: string;
}

export interface StorageRecord {
  id: string;
  name: string;
  readThroughputGBps: number;
  firstByteLatencyS: number;
  source: string;
}

export interface Catalog {
  models: ModelRecord[];
  servers: ServerRecord[];
  storage: StorageRecord[];
}

/** Every input of one scenario, flat so that a region can override any of them. */
export interface SizingInputs {
  method: MethodId;
  modelId: string;
  serverId: string;
  storageId: string;
  concurrency: number;
  effectiveContextTokens: number;
  kvPrecision: PrecisionId;
  kvBudgetRatio: number;
  runtimeOverheadGiB: number;
  peakHeadroomRatio: number;
  ha: HaPolicy;
  memoryBasis: MemoryBasis;
  /** Overrides the server's reference price range with one figure. */
  pricePerNodeUsd?: number;
  years: number;
  pue: number;
  kwhPriceUsd: number;
  coldStartTargetS?: number;
  engineInitS: number;
  /** As a ratio, e.g. 0.999 for "three nines". */
  availabilityTarget?: number;
  podSize: number;
  hbmAlertRatio: number;
  scaleUpRatio: number;
  scaleDownRatio: number;
  scaleDownMinutes: number;
}

export interface NodeCounts {
  capacity: number;
  withHeadroom: number;
  total: number;
}

export interface Infeasibility {
  code: 'budget-not-positive' | 'session-exceeds-budget';
  message: LocalizedText;
  figures: Record<string, number>;
}

/** What a sizing method returns; everything downstream consumes only this. */
export interface MethodResult {
  method: MethodId;
  feasible: boolean;
  infeasibility: Infeasibility | null;
  kvBytesPerSession: number;
  kvPerSessionGiB: number;
  nodeHbmGiB: number;
  kvBudgetGiB: number;
  reservedGiB: number;
  sessionsPerNode: number;
  nodes: NodeCounts | null;
  spareSessions: number | null;
  /** Share of planned session slots in use at the stated concurrency. */
  utilisationRatio: number | null;
}

export interface MemoryPerNode {
  hbmGiB: number;
  reservedShareGiB: number;
  runtimeOverheadGiB: number;
  kvInUseGiB: number;
  kvFreeGiB: number;
  usedRatio: number;
}

export interface WeightsCheck {
  weightsGiB: number;
  outsideKvGiB: number;
  copiesThatFit: number;
  fits: boolean;
}

export interface ColdStartEstimate {
  storageId: string;
  seconds: number;
  readSeconds: number;
  latencyS: number;
  engineInitS: number;
  targetS: number | null;
  meetsTarget: boolean | null;
  /** Every profile's time, so the UI and recommendations can name one that meets the target. */
  byStorage: { storageId: string; seconds: number; meetsTarget: boolean | null }[];
}

export interface CostEstimate {
  pricePerNodeLowUsd: number;
  pricePerNodeHighUsd: number;
  priceIsOverride: boolean;
  capexLowUsd: number;
  capexHighUsd: number;
  opexPerYearUsd: number;
  years: number;
  tcoLowUsd: number;
  tcoHighUsd: number;
  capexPerSessionLowUsd: number;
  capexPerSessionHighUsd: number;
  tcoPerSessionLowUsd: number;
  tcoPerSessionHighUsd: number;
}

export interface Recommendation {
  id: string;
  severity: Severity;
  message: LocalizedText;
  figures: Record<string, number | string>;
}

/** A full plan for one scenario: the method's result plus everything derived from it. */
export interface SizingResult extends MethodResult {
  inputs: SizingInputs;
  model: ModelRecord;
  server: ServerRecord;
  storage: StorageRecord;
  memoryPerNode: MemoryPerNode | null;
  weights: WeightsCheck;
  coldStart: ColdStartEstimate;
  cost: CostEstimate | null;
  /** Concurrency at which one more node becomes necessary under the chosen headroom. */
  nextNodeAtConcurrency: number | null;
  recommendations: Recommendation[];
}

export interface RegionSpec {
  name: string;
  concurrency: number;
  overrides: Partial<Omit<SizingInputs, 'concurrency'>>;
}

export interface RegionResult {
  name: string;
  result: SizingResult;
}

export interface PlanTotals {
  nodes: number | null;
  concurrency: number;
  sessionCapacity: number | null;
  capexLowUsd: number | null;
  capexHighUsd: number | null;
  opexPerYearUsd: number | null;
  tcoLowUsd: number | null;
  tcoHighUsd: number | null;
}

export interface PlanResult {
  feasible: boolean;
  regions: RegionResult[];
  totals: PlanTotals;
}
