import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { api } from './api';
import App from './App.vue';
import { i18n } from './i18n';
import { installErrorReporting } from './lib/error-reports';
import './styles/main.css';

// First: take the web host's token out of the address before the router reads it.
api();
const app = createApp(App).use(createPinia()).use(i18n);
installErrorReporting(app, window, { send: (report) => api().call('app.reportError', report), consoleError: console.error });
app.mount('#app');
