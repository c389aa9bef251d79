// Wires Borough's passkey pages to Spring Security's own passkey script (/login/webauthn.js, loaded
// first): adding and removing passkeys on /webauthn/register, and a passkey instead of the app's
// code on /sign-in/code. A file, not an inline script, so the CSP can forbid inline scripts. Without
// WebAuthn in the browser the passkey parts stay hidden and the rest of the page works.
(function () {
  if (!window.PublicKeyCredential) {
    return;
  }
  function csrf(button) {
    var headers = {};
    headers[button.getAttribute('data-csrf-header')] = button.getAttribute('data-csrf');
    return headers;
  }
  var register = document.getElementById('passkey-register');
  if (register && window.setupRegistration) {
    document.getElementById('passkey-form').style.display = 'block';
    window.setupRegistration(csrf(register), '', {
      getRegisterButton: function () { return register; },
      getSuccess: function () { return document.getElementById('passkey-success'); },
      getError: function () { return document.getElementById('passkey-error'); },
      getLabelInput: function () { return document.getElementById('label'); },
      getDeleteForms: function () { return Array.from(document.querySelectorAll('form.passkey-delete')); }
    });
  }
  var signIn = document.getElementById('passkey-sign-in');
  if (signIn && window.setupLogin) {
    document.getElementById('passkey-option').style.display = 'block';
    window.setupLogin(csrf(signIn), '', signIn);
  }
})();
