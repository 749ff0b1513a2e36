import { describe, expect, it } from 'vitest';
import { describeNotRun, parseSkips, planTests, SIDE_STACK_OFFSET, splitStacks } from './test-plan.mjs';

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

describe('splitStacks', () => {
  const usable = () => undefined;
  const all = ['rules', 'functions-integration', 'e2e'];

  it('runs functions-integration in a second stack beside the other suites', () => {
    expect(splitStacks(all, 1000, {}, usable)).toEqual({
      here: ['rules', 'e2e'],
      side: { suites: ['functions-integration'], offset: 1000 + SIDE_STACK_OFFSET },
    });
  });

  it('keeps one stack when asked, when there is nothing to run beside it, or when the ports are unusable', () => {
    expect(splitStacks(all, 0, { SV_EMULATOR_STACKS: '1' }, usable)).toEqual({ here: all });
    expect(splitStacks(['functions-integration'], 0, {}, usable)).toEqual({
      here: ['functions-integration'],
    });
    expect(splitStacks(['rules', 'e2e'], 0, {}, usable)).toEqual({ here: ['rules', 'e2e'] });
    expect(splitStacks(all, 60000, {}, () => 'above 65535')).toEqual({ here: all });
  });
});
