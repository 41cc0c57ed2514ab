// Run Lighthouse (mobile) on several URLs with one Chromium and one loaded
// configuration, writing one JSON report per URL into a folder.
// Usage: node lighthouse-pages.mjs OUT_DIR CHROME_FLAGS_JSON URL...
import fs from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const [outDir, flagsJson, ...urls] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({chromeFlags: JSON.parse(flagsJson)});
try {
  for (const [index, url] of urls.entries()) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      formFactor: 'mobile',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      disableFullPageScreenshot: true,
      maxWaitForLoad: 30000,
    });
    fs.writeFileSync(path.join(outDir, `${index}.json`), result.report);
  }
} finally {
  await chrome.kill();
}
