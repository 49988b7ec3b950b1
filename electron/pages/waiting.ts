// Shows the hub address the main process is trying (it passes it in the query); the retrying is the main
// process's (waiting.ts), so this page needs no access to anything.
const address = new URLSearchParams(window.location.search).get('address') ?? '';
const el = document.getElementById('address');
if (el) el.textContent = address;
