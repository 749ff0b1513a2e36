// Types of prerender-home.mjs for the web project's typecheck (landing-hero.test.tsx imports it).
export const HOME_TITLE: string;
export const HOME_SHARE_TITLE: string;
export const HOME_DESCRIPTION: string;
export const HERO_HTML: string;
export const SKIP_LINK: string;
export function escapeHtml(value: unknown): string;
export function isPrerendered(html: string): boolean;
export function homeHeadTags(options?: { appUrl?: string }): string;
export function prerenderHome(shell: string, options?: { appUrl?: string }): string;
export function writeHomeFiles(dir: string, options?: { appUrl?: string }): void;
