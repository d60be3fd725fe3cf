// Entry of the compiled Vue example: registers Klar's tags, then mounts the SFC.
import '@klar/components/klar-summary.js';
import '@klar/components/klar-pii-guard.js';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
