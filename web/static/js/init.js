// Waymark page start-up (ES module; no inline script, so a strict CSP works).
// Browsers that cannot run modules never run this, and get the no-JS page.
import { initAll } from '/static/vendor/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
