import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STACKS,
  describeNotRun,
  parseSkips,
  planStacks,
  planTests,
  SIDE_STACK_OFFSET,
} from './test-plan.mjs';

const up = { available: true };
const noJava = { available: false, reason: 'no Java runtime on PATH (the Firestore emulator needs Java)' };
const noChromium = { available: false, reason: 'no Chromium at /usr/bin/chromium' };
const none = new Map<string, string>();

describe('parseSkips', () => {
  it('reads --skip (comma lists, repeated, --skip=) and SV_SKIP, saying which asked', () => {
    const { skip, errors } = parseSkips(['--skip', 'e2e,rules', '--skip=unit'], { SV_SKIP: 'static' });
    expect(errors).toEqual([]);
    expect([...skip.keys()].sort()).toEqual(['e2e', 'rules', 'static', 'unit']);
    expect(skip.get('e2e')).toBe('skipped on purpose (--skip e2e,rules)');
    expect(skip.get('static')).toBe('skipped on purpose (SV_SKIP=static)');
  });

  it('rejects an unknown layer and a bare --skip', () => {
    expect(parseSkips(['--skip', 'e2ee'], {}).errors[0]).toMatch(/unknown layer "e2ee"/);
    expect(parseSkips(['--skip'], {}).errors).toEqual(['--skip needs a layer']);
    expect(parseSkips(['--skip', '--only'], {}).errors).toEqual(['--skip needs a layer']);
  });
});

describe('planTests', () => {
  it('runs everything when the machine has it', () => {
    const plan = planTests({ skip: none, emulators: up, chromium: up });
    expect(plan).toMatchObject({
      static: true,
      unit: true,
      suites: ['rules', 'functions-integration', 'e2e'],
    });
    expect(plan.missing).toEqual([]);
    expect(plan.skipped).toEqual([]);
  });

  it('reports every emulator suite as missing (failing the run) without Java, with how to install it', () => {
    const plan = planTests({ skip: none, emulators: noJava, chromium: up });
    expect(plan.static && plan.unit).toBe(true);
    expect(plan.suites).toEqual([]);
    expect(plan.missing.map((m) => m.what)).toEqual(['rules', 'functions-integration', 'e2e']);
    expect(plan.missing[0]?.why).toContain('no Java runtime');
    expect(plan.missing[0]?.install).toMatch(/openjdk/);
  });

  it('runs the other suites but reports e2e missing without Chromium', () => {
    const plan = planTests({ skip: none, emulators: up, chromium: noChromium });
    expect(plan.suites).toEqual(['rules', 'functions-integration']);
    expect(plan.missing).toEqual([
      expect.objectContaining({
        what: 'e2e',
        why: noChromium.reason,
        install: expect.stringMatching(/chromium/),
      }),
    ]);
  });

  it('lets a developer skip a layer on purpose: listed as skipped, not missing', () => {
    const skip = parseSkips(['--skip', 'e2e'], {}).skip;
    const plan = planTests({ skip, emulators: up, chromium: noChromium });
    expect(plan.suites).toEqual(['rules', 'functions-integration']);
    expect(plan.missing).toEqual([]);
    expect(plan.skipped).toEqual([{ what: 'e2e', why: 'skipped on purpose (--skip e2e)' }]);

    const all = planTests({
      skip: parseSkips([], { SV_SKIP: 'emulators' }).skip,
      emulators: noJava,
      chromium: up,
    });
    expect(all.suites).toEqual([]);
    expect(all.missing).toEqual([]);
    expect(all.skipped).toEqual([{ what: 'emulators', why: 'skipped on purpose (SV_SKIP=emulators)' }]);
  });

  it('honours --only and --suite, and checks their values', () => {
    expect(planTests({ only: 'unit', skip: none, emulators: noJava, chromium: noChromium })).toMatchObject({
      static: false,
      unit: true,
      suites: [],
      missing: [],
    });
    const rules = planTests({
      only: 'emulators',
      suite: 'rules',
      skip: none,
      emulators: up,
      chromium: noChromium,
    });
    expect(rules).toMatchObject({ static: false, unit: false, suites: ['rules'], missing: [] });
    expect(planTests({ only: 'lint', skip: none, emulators: up, chromium: up }).errors).toHaveLength(1);
    expect(planTests({ suite: 'storage', skip: none, emulators: up, chromium: up }).errors).toHaveLength(1);
    expect(
      planTests({ only: 'emulators', suite: 'e2e,rules', skip: none, emulators: up, chromium: up }).suites,
    ).toEqual(['rules', 'e2e']);
    expect(
      planTests({ suite: 'rules,storage', skip: none, emulators: up, chromium: up }).errors,
    ).toHaveLength(1);
  });

  it('describes what did not run for the summary', () => {
    const plan = planTests({
      skip: parseSkips(['--skip', 'rules'], {}).skip,
      emulators: up,
      chromium: noChromium,
    });
    const lines = describeNotRun(plan);
    expect(lines[0]).toBe('skipped: rules — skipped on purpose (--skip rules)');
    expect(lines[1]).toBe('NOT RUN (fails the run): e2e — no Chromium at /usr/bin/chromium');
    expect(lines[2]).toMatch(/to install: .*apt-get install chromium.*; or skip it on purpose: --skip e2e/);
  });
});

describe('planStacks', () => {
  const usable = () => undefined;
  const all = ['rules', 'functions-integration', 'e2e'];
  const at = (k: number, base = 1000) => base + k * SIDE_STACK_OFFSET;

  it('by default runs functions-integration whole in a second stack beside the rules and e2e', () => {
    expect(DEFAULT_STACKS).toBe(2);
    expect(planStacks(all, 1000, {}, usable)).toEqual({
      stacks: [
        { runs: [{ suite: 'rules' }, { suite: 'e2e' }], offset: 1000 },
        { runs: [{ suite: 'functions-integration' }], offset: at(1) },
      ],
    });
  });

  it('with three stacks splits functions-integration in halves; with four, e2e in halves too', () => {
    expect(planStacks(all, 1000, { SV_EMULATOR_STACKS: '3' }, usable)).toEqual({
      stacks: [
        { runs: [{ suite: 'rules' }, { suite: 'e2e' }], offset: 1000 },
        { runs: [{ suite: 'functions-integration', shard: '1/2' }], offset: at(1) },
        { runs: [{ suite: 'functions-integration', shard: '2/2' }], offset: at(2) },
      ],
    });
    expect(planStacks(all, 0, { SV_EMULATOR_STACKS: '4' }, usable)).toEqual({
      stacks: [
        { runs: [{ suite: 'rules' }, { suite: 'e2e', shard: '1/2' }], offset: 0 },
        { runs: [{ suite: 'e2e', shard: '2/2' }], offset: at(1, 0) },
        { runs: [{ suite: 'functions-integration', shard: '1/2' }], offset: at(2, 0) },
        { runs: [{ suite: 'functions-integration', shard: '2/2' }], offset: at(3, 0) },
      ],
    });
  });

  it('uses as many stacks as there are parts: functions-integration alone in halves takes two', () => {
    expect(planStacks(['functions-integration'], 0, { SV_EMULATOR_STACKS: '3' }, usable)).toEqual({
      stacks: [
        { runs: [{ suite: 'functions-integration', shard: '1/2' }], offset: 0 },
        { runs: [{ suite: 'functions-integration', shard: '2/2' }], offset: at(1, 0) },
      ],
    });
    expect(planStacks(['rules', 'e2e'], 0, {}, usable)).toEqual({
      stacks: [{ runs: [{ suite: 'rules' }, { suite: 'e2e' }], offset: 0 }],
    });
  });

  it('splits no suite when the run is narrowed to some files', () => {
    expect(planStacks(all, 0, { SV_EMULATOR_STACKS: '4' }, usable, { narrowed: true })).toEqual({
      stacks: [
        { runs: [{ suite: 'rules' }, { suite: 'e2e' }], offset: 0 },
        { runs: [{ suite: 'functions-integration' }], offset: at(1, 0) },
      ],
    });
  });

  it('keeps one stack when asked or when a further stack’s ports are unusable, and refuses a bad count', () => {
    const one = { stacks: [{ runs: all.map((suite) => ({ suite })), offset: 0 }] };
    expect(planStacks(all, 0, { SV_EMULATOR_STACKS: '1' }, usable)).toEqual(one);
    expect(
      planStacks(all, 0, { SV_EMULATOR_STACKS: '3' }, (raw) => (raw === '20000' ? 'above 65535' : undefined)),
    ).toEqual(one);
    expect(planStacks(all, 0, { SV_EMULATOR_STACKS: '9' }, usable).error).toMatch(/not 1, 2, 3 or 4/);
  });
});
