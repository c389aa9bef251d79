// GOV.UK Frontend styles its JavaScript-enhanced components only when these classes are set;
// a file rather than an inline script, so the CSP can forbid inline scripts.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
