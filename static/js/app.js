import { watchConnection } from "acuplan/connection";
import { offerInstall } from "acuplan/install-prompt";
import { registerWorker } from "acuplan/worker-client";

registerWorker();
watchConnection();
offerInstall();
