# P7–P10, Terraform's side: the same services as peer-berth through
# kreuzwerker/docker 4.6.0, gated by a healthcheck (every 100 ms unless
# health_interval says otherwise) and `wait`.
terraform {
  required_providers {
    docker = {
      source  = "kreuzwerker/docker"
      version = "4.6.0"
    }
  }
}

variable "project" { type = string }
variable "services" { type = number }
variable "release" {
  type    = string
  default = "0"
}
variable "health_interval" {
  type    = string
  default = "100ms"
}

resource "docker_container" "web" {
  count = var.services
  name  = "${var.project}-${count.index}"
  image = "berth.local/web:latest"
  env   = ["RELEASE=${count.index == 0 ? var.release : "0"}"]
  ports {
    internal = 80
  }
  labels {
    label = "bench.service"
    value = "${var.project}-${count.index}"
  }
  healthcheck {
    test     = ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1/"]
    interval = var.health_interval
    timeout  = "1s"
    retries  = 1000
  }
  wait                  = true
  wait_timeout          = 120
  destroy_grace_seconds = 2
}
