// Debian's headless Chromium, launched the one way every browser test and script here launches it (playwright-core
// drives it; no browser is downloaded). AUDIOVIZ_CHROMIUM points at another binary.
const fs = require('node:fs');

const CHROMIUM_PATH = process.env.AUDIOVIZ_CHROMIUM ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags CI needs, plus `extraArgs`. */
function launchChromium(extraArgs = []) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: install Debian's chromium (see .ci/apt-packages)`);
  }
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--autoplay-policy=no-user-gesture-required',
      ...extraArgs,
    ],
  });
}

module.exports = { CHROMIUM_PATH, launchChromium };
