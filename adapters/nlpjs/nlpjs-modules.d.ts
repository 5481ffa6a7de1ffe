// NLP.js ships no type declarations; these cover the small part of its API this adapter uses.

declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): void;
    register(name: string, instance: unknown, isSingleton?: boolean): void;
    get(name: string): unknown;
    registerConfiguration(tag: string, configuration: Record<string, unknown>, overwrite?: boolean): void;
  }
  export function containerBootstrap(): Container | Promise<Container>;
}

declare module '@nlpjs/nlu' {
  import type { Container } from '@nlpjs/core';
  export interface NluClassification {
    intent: string;
    score: number;
  }
  export interface NluResult {
    intent?: string;
    score?: number;
    classifications?: NluClassification[];
  }
  export class NluManager {
    constructor(settings: Record<string, unknown> & { container: Container });
    add(locale: string, utterance: string, intent: string): void;
    train(settings?: Record<string, unknown>): Promise<unknown>;
    process(locale: string, utterance: string): Promise<NluResult>;
    toJSON(): unknown;
    fromJSON(json: unknown): void;
    /** Internals, touched only to work around a restore bug (see nlpjs-engine.ts). */
    domainManagers: Record<string, { domains: Record<string, { intentsArr?: string[]; cache?: { results: Record<string, unknown> } }> }>;
    container: Container;
  }
  export const NluNeural: unknown;
}

declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}
