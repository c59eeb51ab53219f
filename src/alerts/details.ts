import { z } from 'zod';

const side = z.object({
  articles: z.number(),
  mean: z.number(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
});

const share = z.object({ name: z.string(), before: z.number(), after: z.number() });

export const evidenceItemSchema = z.object({
  url: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  /** The article's value of the measure (stance score, frame share, source share). */
  value: z.number(),
  sentence: z.string().nullable(),
});
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

export const sourceCountSchema = z.object({ name: z.string(), kind: z.string(), quotes: z.number() });
export type SourceCount = z.infer<typeof sourceCountSchema>;

export const alertContextSchema = z.object({
  otherOutlets: z.object({
    compared: z.number(),
    sameShift: z.array(z.string()),
    opposite: z.array(z.string()),
    newsDriven: z.boolean(),
  }),
  history: z.object({ previousWeek: side.nullable(), previousMonth: side.nullable(), since: side }),
  volume: z.object({ beforePerWeek: z.number(), afterPerWeek: z.number() }),
});
export type AlertContext = z.infer<typeof alertContextSchema>;

export const chartDataSchema = z.object({
  lo: z.number(),
  hi: z.number(),
  /** Article values: [epoch ms, value]. */
  points: z.array(z.tuple([z.number(), z.number()])),
  changeAt: z.number(),
  detectedAt: z.number(),
  beforeFrom: z.number(),
  beforeMean: z.number(),
  afterMean: z.number(),
});
export type ChartData = z.infer<typeof chartDataSchema>;

const labelMixSchema = z.object({ negative: z.number(), neutral: z.number(), positive: z.number() });

/** Stance changes: the track that alarmed and the share of articles of each label before and after. */
export const mixSchema = z.object({ track: z.string(), before: labelMixSchema, after: labelMixSchema });

/** What an alert row's `details` column holds: everything its e-mail needs, frozen at detection. */
export const alertDetailsSchema = z.object({
  measure: z.string(),
  direction: z.union([z.literal(1), z.literal(-1)]),
  sensitivity: z.string(),
  statistic: z.object({ method: z.string(), value: z.number(), threshold: z.number() }),
  shares: z.array(share),
  evidence: z.array(evidenceItemSchema),
  sources: z.object({ before: z.array(sourceCountSchema), after: z.array(sourceCountSchema) }),
  context: alertContextSchema,
  chart: chartDataSchema,
  /** Absent on alerts stored before the detector read article labels. */
  mix: mixSchema.optional(),
});
export type AlertDetails = z.infer<typeof alertDetailsSchema>;
export type AlertSideFigures = z.infer<typeof side>;

/** An alert as the renderer needs it: the row's figures, the parsed details and display names. */
export interface AlertView {
  id: string;
  ruleId: string;
  kind: string;
  outletId: string;
  outletName: string;
  actorId: string;
  actorName: string;
  changeAt: Date;
  detectedAt: Date;
  before: AlertSideFigures;
  after: AlertSideFigures;
  details: AlertDetails;
}
