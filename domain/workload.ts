import { z } from 'zod';

export const WORKLOADS = ['microsoft365', 'azure', 'dynamics365', 'power_platform'] as const;
export const WorkloadSchema = z.enum(WORKLOADS);
export type Workload = z.infer<typeof WorkloadSchema>;

/** Multi-channel splits services into seat-based and consumption-based ones. */
export const BillingModelSchema = z.enum(['license', 'usage']);
export type BillingModel = z.infer<typeof BillingModelSchema>;

export const WORKLOAD_LABELS: Readonly<Record<Workload, { en: string; ja: string }>> = {
  microsoft365: { en: 'Microsoft 365', ja: 'Microsoft 365' },
  azure: { en: 'Microsoft Azure', ja: 'Microsoft Azure' },
  dynamics365: { en: 'Dynamics 365', ja: 'Dynamics 365' },
  power_platform: { en: 'Power Platform', ja: 'Power Platform' },
};
